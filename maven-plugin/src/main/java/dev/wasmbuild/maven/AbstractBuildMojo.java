package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.crossbuild.BuildSettings;
import dev.wasmbuild.core.crossbuild.CrossBuild;
import dev.wasmbuild.core.process.StepLog;
import dev.wasmbuild.core.launch.RunnerKind;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of a cross build, shared by wasm:configure and wasm:build. */
public abstract class AbstractBuildMojo extends AbstractTargetMojo {

    /** Links extension modules dynamically (--enable-wasm-dynamic-linking); Emscripten targets only. */
    @Parameter(property = "wasm.dynamicLinking", defaultValue = "false")
    private boolean dynamicLinking;

    /** Builds with pthreads (--enable-wasm-pthreads); Emscripten targets only. */
    @Parameter(property = "wasm.pthreads", defaultValue = "false")
    private boolean pthreads;

    /** Builds the debug variant (--with-pydebug). */
    @Parameter(property = "wasm.debug", defaultValue = "false")
    private boolean debug;

    /** Further configure arguments (--with-…, --enable-…, NAME=value), added last. */
    @Parameter(property = "wasm.configureArguments")
    private List<String> configureArguments;

    /** Parallel make jobs; 0 means one per processor. */
    @Parameter(property = "wasm.jobs", defaultValue = "0")
    private int jobs;

    /** A compiler launcher such as ccache, sccache or distcc (EM_COMPILER_WRAPPER for Emscripten, a CC prefix for WASI). */
    @Parameter(property = "wasm.compilerLauncher")
    private String compilerLauncher;

    /**
     * Where the build Python, the composed WASI sysroot and the writable emscripten cache are
     * kept, shared by every project of this user.
     */
    @Parameter(property = "wasm.toolCache", defaultValue = "${user.home}/.cache/wasm-maven-plugin")
    protected File toolCache;

    /** A zlib source tree to build emscripten's zlib port from (it cannot be downloaded offline); without it zlib is off. */
    @Parameter(property = "wasm.zlibSource")
    private File zlibSource;

    /** A bzip2 source tree to build emscripten's bzip2 port from; without it _bz2 is off. */
    @Parameter(property = "wasm.bzip2Source")
    private File bzip2Source;

    protected CrossBuild prepareBuild() throws ConfigurationException, WasmBuildException, InterruptedException {
        target();
        Path source = sourceRoot();
        Map<String, Path> ports = new TreeMap<>();
        if (zlibSource != null) {
            ports.put("zlib", zlibSource.toPath().toAbsolutePath().normalize());
        }
        if (bzip2Source != null) {
            ports.put("bzip2", bzip2Source.toPath().toAbsolutePath().normalize());
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        BuildSettings settings = new BuildSettings(siteRequest(), buildDirectory().toAbsolutePath(),
                toolCache.getAbsoluteFile().toPath(), ports, dynamicLinking, pthreads, debug, configureArguments,
                processEnvironment(), environmentVariables(), compilerLauncher, RunnerKind.parse(runner, "runner"),
                jobs == 0 ? cpus : jobs, pluginVersion());
        getLog().debug("CPython source: " + source);
        return CrossBuild.prepare(settings, siteGenerator(), stepLog());
    }

    protected StepLog stepLog() {
        return new StepLog(getLog()::info, getLog()::warn, getLog()::info);
    }
}
