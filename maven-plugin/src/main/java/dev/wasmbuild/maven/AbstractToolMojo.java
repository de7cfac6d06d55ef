package dev.wasmbuild.maven;

import java.io.File;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goals that start the toolchain or the built interpreter: the shared cache, environment and runner.
 * AbstractBuildMojo declares the same three parameters for configure and build. They cannot live in
 * one class: a mojo has one superclass and Maven injects parameters into its fields, and the common
 * superclass of both chains also serves config-site and features, which start no program and so do
 * not get them. What the settings mean is in {@link HostTools}, once; PluginDescriptorTest fails when
 * the two declarations differ.
 */
public abstract class AbstractToolMojo extends AbstractTargetMojo {

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
}
