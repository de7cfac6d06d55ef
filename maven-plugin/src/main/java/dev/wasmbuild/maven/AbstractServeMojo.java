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
     * The directory served at "/". Default: the emscripten-browser build,
     * {@code ${project.build.directory}/wasm/emscripten-browser} (the build directory wasm:build
     * uses with the default outputDirectory), since only that build runs in a browser. Must
     * exist and hold python.html or index.html.
     */
    @Parameter(property = "wasm.serveDirectory", defaultValue = "${project.build.directory}/wasm/emscripten-browser")
    private File serveDirectory;

    /**
     * The TCP port on 127.0.0.1, 0 to 65535; default 8000. 0 lets the system pick a free one
     * (logged, and published by serve-start as the project property wasm.serve.actualPort).
     */
    @Parameter(property = "wasm.serve.port", defaultValue = "8000")
    private int port;

    /**
     * An unpacked npm xterm package (node_modules/xterm of {@code npm install xterm@4.18.0}),
     * served under /_xterm/; the xterm CDN links of served HTML pages point there instead, for
     * machines without internet access. Default: none (pages keep their CDN links).
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
