package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.configure.BuildOptions;
import dev.wasmbuild.core.crossbuild.BuildRequest;
import dev.wasmbuild.core.crossbuild.CrossBuild;
import dev.wasmbuild.core.process.StepLog;
import dev.wasmbuild.core.source.CPythonSource;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of a cross build, shared by wasm:configure and wasm:build. */
public abstract class AbstractBuildMojo extends AbstractSiteMojo {

    /** Links extension modules dynamically ({@code --enable-wasm-dynamic-linking}); Emscripten targets only. Default: false. */
    @Parameter(property = "wasm.dynamicLinking", defaultValue = "false")
    private boolean dynamicLinking;

    /** Builds with pthreads ({@code --enable-wasm-pthreads}); Emscripten targets only. Default: false. */
    @Parameter(property = "wasm.pthreads", defaultValue = "false")
    private boolean pthreads;

    /** Builds the debug variant ({@code --with-pydebug}). Default: false. */
    @Parameter(property = "wasm.debug", defaultValue = "false")
    private boolean debug;

    /**
     * More configure arguments ({@code --with-…}, {@code --enable-…}, {@code NAME=value}), added
     * last. Arguments the plugin sets itself (--host, --build, --with-build-python,
     * --with-emscripten-target, …) are refused: use the matching parameter.
     */
    @Parameter(property = "wasm.configureArguments")
    private List<String> configureArguments;

    /** Parallel make jobs, 1 or more; 0 (default) means one per processor. */
    @Parameter(property = "wasm.jobs", defaultValue = "0")
    private int jobs;

    /**
     * A compiler launcher such as {@code ccache}, {@code sccache} or {@code distcc}: an
     * executable on PATH or an absolute path. Emscripten gets it as EM_COMPILER_WRAPPER, WASI
     * as a prefix of CC and CXX. Default: none.
     */
    @Parameter(property = "wasm.compilerLauncher")
    private String compilerLauncher;

    /**
     * A zlib source tree (e.g. Debian's zlib 1.2.13 source) that emscripten's zlib port is
     * built from when it cannot be downloaded. Without it the zlib module is turned off (the log
     * says so). Emscripten targets only.
     */
    @Parameter(property = "wasm.zlibSource")
    private File zlibSource;

    /** A bzip2 source tree for emscripten's bzip2 port, as zlibSource; without it _bz2 is off. */
    @Parameter(property = "wasm.bzip2Source")
    private File bzip2Source;

    /**
     * Streams configure's and make's own output to Maven's log. Default: false, and the output
     * goes to configure.log and make.log in the build directory, with a progress line every ten
     * seconds; Maven's -X streams it too.
     */
    @Parameter(property = "wasm.verbose", defaultValue = "false")
    private boolean verbose;

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

    protected final HostTools tools() {
        return new HostTools(absolute(toolCache), environmentVariables, runner);
    }

    protected final CrossBuild prepareBuild() throws ConfigurationException, WasmBuildException, InterruptedException {
        target();
        // Nothing is unpacked here: CrossBuild.configure does that once every setting has been checked.
        CPythonSource source = checkedSource();
        Map<String, Path> ports = new TreeMap<>();
        if (zlibSource != null) {
            ports.put("zlib", absolute(zlibSource));
        }
        if (bzip2Source != null) {
            ports.put("bzip2", absolute(bzip2Source));
        }
        HostTools tools = tools();
        int cpus = Runtime.getRuntime().availableProcessors();
        BuildOptions options = new BuildOptions(dynamicLinking, pthreads, debug, configureArguments,
                jobs == 0 ? cpus : jobs, compilerLauncher, ports);
        BuildRequest request = new BuildRequest(siteRequest(source), buildDirectory(), options, tools.settings(),
                pluginVersion());
        getLog().debug("CPython source: " + source.root());
        return CrossBuild.prepare(request, siteGenerator(), stepLog());
    }

    @Override
    protected final StepLog stepLog() {
        return verbose ? new StepLog(this::info, this::warn, getLog()::info) : super.stepLog();
    }
}
