package dev.wasmbuild.maven;

import java.io.File;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that start the toolchain or the built interpreter: the shared cache, environment and runner. */
public abstract class AbstractToolMojo extends AbstractTargetMojo {

    /**
     * The user-wide cache shared by every project: the native build Python (one per CPython
     * source content), the composed WASI sysroot and the writable copy of emscripten's cache.
     * Default: {@code ${user.home}/.cache/wasm-maven-plugin}. Safe to delete; it is rebuilt.
     */
    @Parameter(property = "wasm.toolCache", defaultValue = "${user.home}/.cache/wasm-maven-plugin")
    private File toolCache;

    /**
     * Extra environment variables for every process the plugin starts (configure, make, the
     * runners), on top of Maven's own environment. They are part of configure's fingerprint.
     */
    @Parameter
    private Map<String, String> environmentVariables;

    /**
     * The host program that runs the build: {@code auto} (default: wasmtime for wasi when it is
     * on PATH, else node), {@code node} (node:wasi for wasi, {@code node python.js} for
     * emscripten-node), {@code wasmtime} (wasi only) or {@code chicory} (wasi only: in Maven's
     * own JVM, no external program). For wasm:build it decides CPython's HOSTRUNNER (chicory
     * there means node, since make cannot call into Maven's JVM).
     */
    @Parameter(property = "wasm.runner", defaultValue = "auto")
    private String runner;

    /** The three settings above, read once per call. */
    protected final HostTools tools() {
        return new HostTools(absolute(toolCache), environmentVariables, runner);
    }
}
