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

    /**
     * Links extension modules dynamically ({@code --enable-wasm-dynamic-linking}); Emscripten targets only. Default: false.
     */
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
     * last. Arguments the plugin sets itself ({@code --host}, {@code --build},
     * {@code --with-build-python}, {@code --with-emscripten-target}, …) are refused: use the
     * matching parameter. Comma-separated as a property. Default: none.
     * <pre>{@code
     * <configureArguments>
     *   <argument>--without-ensurepip</argument>
     * </configureArguments>
     * }</pre>
     */
    @Parameter(property = "wasm.configureArguments")
    private List<String> configureArguments;

    /** Parallel make jobs: 1 or more, or 0 (default) for one per processor. Negative values are refused. */
    @Parameter(property = "wasm.jobs", defaultValue = "0")
    private int jobs;

    /**
     * A compiler launcher such as {@code ccache}, {@code sccache} or {@code distcc}: one plain
     * word, a program on PATH or an absolute path to an executable, with no spaces, quotes or shell
     * characters (make runs CC through the shell). Emscripten gets it as EM_COMPILER_WRAPPER, WASI
     * as a prefix of CC and CXX. Default: none.
     */
    @Parameter(property = "wasm.compilerLauncher")
    private String compilerLauncher;

    /**
     * A zlib source tree (e.g. Debian's zlib 1.2.13 source) that emscripten's zlib port is built
     * from, since the port cannot always be downloaded. Without it the zlib module is turned off
     * and binascii is built without zlib's crc32 (the log says so); emscripten-browser refuses to
     * build without it. Emscripten targets only. Default: none.
     * <pre>&lt;zlibSource&gt;${user.home}/src/zlib-1.2.13&lt;/zlibSource&gt;</pre>
     */
    @Parameter(property = "wasm.zlibSource")
    private File zlibSource;

    /**
     * A bzip2 source tree (e.g. bzip2 1.0.8) for emscripten's bzip2 port, as zlibSource; without
     * it the {@code _bz2} module is turned off. Emscripten targets only. Default: none.
     */
    @Parameter(property = "wasm.bzip2Source")
    private File bzip2Source;

    /**
     * Streams configure's and make's own output to Maven's log. Default: false: the output goes to
     * {@code configure.log} and {@code make.log} in the build directory, and Maven's log gets what
     * ran and why, a progress line every ten seconds, and on failure the command, directory, exit
     * code and the lines that explain it. Maven's {@code -X} streams it too.
     */
    @Parameter(property = "wasm.verbose", defaultValue = "false")
    private boolean verbose;

    /**
     * The user-wide cache shared by every project: the native build Python (one per CPython
     * source content), the composed WASI sysroot, the writable copy of emscripten's cache, and the
     * links that hide awkward project paths from configure and make. Safe to delete; it is rebuilt.
     * Its own path may hold only letters, digits and {@code _ . + , @ = ~ / -} (it goes into
     * CPython's Makefile as it is); anything else is refused.
     * Default: <code>${user.home}/.cache/wasm-maven-plugin</code>.
     */
    @Parameter(property = "wasm.toolCache", defaultValue = "${user.home}/.cache/wasm-maven-plugin")
    private File toolCache;

    /**
     * Extra environment variables for every process the plugin starts (configure, make, the build
     * Python's build, the runners), on top of Maven's own environment. They are part of configure's
     * fingerprint, so changing one configures again. Default: none.
     * <pre>{@code
     * <environmentVariables>
     *   <CCACHE_DIR>/var/cache/ccache</CCACHE_DIR>
     * </environmentVariables>
     * }</pre>
     */
    @Parameter
    private Map<String, String> environmentVariables;

    /**
     * The host program that runs the build, one of:
     * <ul>
     * <li>{@code auto} (default): wasmtime for wasi when it is on PATH, else node;</li>
     * <li>{@code node}: node:wasi for wasi, {@code node --no-experimental-fetch python.js} for
     * emscripten-node;</li>
     * <li>{@code wasmtime}: wasi only;</li>
     * <li>{@code chicory}: wasi only, inside Maven's own JVM, no external program.</li>
     * </ul>
     * An emscripten-browser build runs only in a browser (see wasm:serve). For wasm:configure and
     * wasm:build the runner becomes CPython's HOSTRUNNER ({@code chicory} means node there, since
     * make cannot call into Maven's JVM). Example: {@code -Dwasm.runner=chicory}.
     */
    @Parameter(property = "wasm.runner", defaultValue = "auto")
    private String runner;

    private HostTools tools;

    /** toolCache, environmentVariables and runner, read once per execution. */
    protected final HostTools tools() {
        if (tools == null) {
            tools = new HostTools(absolute(toolCache), environmentVariables, runner);
        }
        return tools;
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
