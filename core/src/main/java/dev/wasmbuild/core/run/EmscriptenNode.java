package dev.wasmbuild.core.run;

import java.util.List;

/** How node must be started for Emscripten output. */
final class EmscriptenNode {
    private EmscriptenNode() {
    }

    /**
     * Emscripten 3.1.6's generated JS prefers fetch() when it exists, and Node 18+ has one that
     * rejects file paths ("Failed to parse URL"); without it the JS falls back to reading the
     * file.
     */
    static List<String> flags() {
        return List.of("--no-experimental-fetch");
    }
}
