package dev.wasmbuild.core.toolchain;

import dev.wasmbuild.core.catalogue.PythonRelease;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Consumer;

/** A cross compiler found on this machine, and how configure and make must be run with it. */
public interface Toolchain {
    /** "emscripten 3.1.6" or "clang 14.0.6 + wasi-libc". */
    String name();

    /** Paths and versions that, when they change, make a configured build stale. */
    String identity();

    /** Variables to add to the environment of configure and make. */
    Map<String, String> environment();

    /** The wrapper configure runs under (emconfigure); none by default. */
    default List<String> configureWrapper() {
        return List.of();
    }

    /** The wrapper make runs under (emmake); none by default. */
    default List<String> makeWrapper() {
        return List.of();
    }

    /**
     * What a CPython line says about this toolchain: known problems (warnings), combinations
     * that cannot work (refused before anything runs), and site-file answers it needs.
     */
    Fitness fitnessFor(PythonRelease python);

    /** Extension modules this toolchain cannot build here, with the reason for each. */
    SortedMap<String, String> unavailableModules();

    /**
     * Whatever the toolchain needs on disk before configure runs (emscripten: its writable
     * cache and the ports seeded from local sources); a no-op when it is ready or needs nothing.
     */
    void beforeConfigure(Consumer<String> info) throws ToolchainException, InterruptedException;

    /**
     * Emscripten ports ("zlib", "bzip2") configure would link against that are not there to link
     * (neither downloadable nor seeded); make then has to compile around them. Empty for a
     * toolchain without ports.
     */
    SortedSet<String> missingPorts();

    /** A multi-line description for wasm:toolchain. */
    List<String> describe();
}
