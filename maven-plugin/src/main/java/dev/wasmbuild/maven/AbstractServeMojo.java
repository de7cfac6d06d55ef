package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.server.ServeLog;
import dev.wasmbuild.server.ServeSettings;
import dev.wasmbuild.server.StaticFileServer;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that serve a browser build over HTTP on 127.0.0.1. */
public abstract class AbstractServeMojo extends AbstractWasmMojo {

    /** Where serve-start keeps its server for serve-stop, in the plugin's per-project context. */
    static final String SERVER_KEY = StaticFileServer.class.getName();

    /**
     * The directory served at "/". It must exist and hold {@code python.html} or
     * {@code index.html}; a missing one is an error saying how to build it. Default: the
     * emscripten-browser build, <code>${project.build.directory}/wasm/emscripten-browser</code> (where
     * wasm:build puts it with the default outputDirectory), whatever target says, since only that
     * build runs in a browser.
     */
    @Parameter(property = "wasm.serveDirectory", defaultValue = "${project.build.directory}/wasm/emscripten-browser")
    private File serveDirectory;

    /**
     * The TCP port on 127.0.0.1: 0 to 65535, default 8000. 0 lets the system pick a free one,
     * which is logged and which serve-start publishes as the project property
     * {@code wasm.serve.actualPort}. A port already taken is an error before anything is served.
     */
    @Parameter(property = "wasm.serve.port", defaultValue = "8000")
    private int port;

    /**
     * An unpacked npm xterm package ({@code node_modules/xterm} after
     * {@code npm install xterm@4.18.0}, the version CPython 3.11's page uses), served under
     * {@code /_xterm/}; the xterm CDN links of served HTML pages point there instead, for machines
     * without internet access. The page's integrity hashes must still match, so another version
     * fails in the browser (the server warns). Default: none; pages keep their CDN links.
     */
    @Parameter(property = "wasm.xtermDirectory")
    private File xtermDirectory;

    protected final StaticFileServer startServer() throws ConfigurationException, WasmBuildException {
        Path root = absolute(serveDirectory);
        boolean byDefault = root.equals(absolute(new File(project.getBuild().getDirectory(), "wasm/emscripten-browser")));
        ServeSettings settings = ServeSettings.validated(root, byDefault, port,
                xtermDirectory == null ? null : absolute(xtermDirectory));
        StaticFileServer server = StaticFileServer.start(settings,
                new ServeLog(this::info, getLog()::debug, this::warn));
        if (settings.xtermDirectory() != null) {
            getLog().info("xterm.js and xterm.css from " + settings.xtermDirectory() + " at " + server.baseUrl()
                    + "_xterm/");
        }
        return server;
    }

    /**
     * Fails the goal when the server stopped by itself (its listening socket closed underneath
     * it): the build must not end with BUILD SUCCESS after serving, or browser tests run
     * against nothing. A passing accept error (out of file descriptors) does not stop it.
     */
    static void failIfStoppedByItself(StaticFileServer server, String goal) throws WasmBuildException {
        if (server.failure().isPresent()) {
            throw new WasmBuildException("the server " + goal + " started at " + server.baseUrl()
                    + " stopped by itself: " + server.failure().get());
        }
    }
}
