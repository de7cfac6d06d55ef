package dev.wasmbuild.core.catalogue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a user builds: a platform plus, for Emscripten, the JavaScript environment it runs in. */
public enum Target {
    WASI("wasi", Platform.WASM32_WASI, null),
    EMSCRIPTEN_NODE("emscripten-node", Platform.WASM32_EMSCRIPTEN, "node"),
    EMSCRIPTEN_BROWSER("emscripten-browser", Platform.WASM32_EMSCRIPTEN, "browser");

    private final String id;
    private final Platform platform;
    private final String emscriptenTarget;

    Target(String id, Platform platform, String emscriptenTarget) {
        this.id = id;
        this.platform = platform;
        this.emscriptenTarget = emscriptenTarget;
    }

    public String id() {
        return id;
    }

    public Platform platform() {
        return platform;
    }

    /** The value of {@code --with-emscripten-target}, empty for WASI. */
    public Optional<String> emscriptenTarget() {
        return Optional.ofNullable(emscriptenTarget);
    }

    public static String validIds() {
        return Arrays.stream(values()).map(Target::id).collect(Collectors.joining(", "));
    }

    /**
     * Parses a target as written in the pom.
     *
     * @param element the pom element the value came from, for the error message
     */
    public static Target parse(String value, Setting element) throws ConfigurationException {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(element, "no target given; valid targets: " + validIds());
        }
        String wanted = value.trim();
        for (Target t : values()) {
            if (t.id.equals(wanted)) {
                return t;
            }
        }
        throw new ConfigurationException(element,
                "unknown target '" + wanted + "'." + hint(wanted) + " Valid targets: " + validIds());
    }

    /**
     * "Did you mean" for a target: a platform's name (wasm32-wasi, from CPython's site file names)
     * or a bare "emscripten" points at that platform's targets; otherwise the nearest id, if any.
     */
    private static String hint(String wanted) {
        String lower = wanted.toLowerCase(java.util.Locale.ROOT);
        for (Platform p : Platform.values()) {
            String family = p.id().substring("wasm32-".length());
            if (lower.equals(p.id()) || lower.equals(p.hostTriple()) || lower.equals(family)) {
                List<String> ids = Arrays.stream(values()).filter(t -> t.platform == p)
                        .map(t -> "'" + t.id + "'").toList();
                return " Did you mean " + String.join(" or ", ids) + "?";
            }
        }
        return Suggestions.nearest(wanted, Arrays.stream(values()).map(Target::id).toList())
                .map(s -> " Did you mean '" + s + "'?")
                .orElse("");
    }

    @Override
    public String toString() {
        return id;
    }
}
