package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.launch.RunnerKind;
import dev.wasmbuild.core.process.StepLog;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
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

    protected final Path toolCache() {
        return absolute(toolCache);
    }

    protected final RunnerKind runner() throws ConfigurationException {
        return RunnerKind.parse(runner, "runner");
    }

    /** The pom's environmentVariables alone. */
    protected final Map<String, String> userEnvironment() {
        return environmentVariables == null ? Map.of() : new TreeMap<>(environmentVariables);
    }

    /** The environment child processes get: Maven's own, plus environmentVariables. */
    protected final Map<String, String> processEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(userEnvironment());
        return env;
    }

    /** Decisions and progress to Maven's info log; the processes' own lines only with -X (or verbose). */
    protected StepLog stepLog() {
        return new StepLog(this::info, this::warn, getLog().isDebugEnabled() ? getLog()::debug : line -> { });
    }
}
