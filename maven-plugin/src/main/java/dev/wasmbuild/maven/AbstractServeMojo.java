package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.serve.ServeLog;
import dev.wasmbuild.core.serve.ServeSettings;
import dev.wasmbuild.core.serve.StaticFileServer;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that serve a browser build over HTTP on 127.0.0.1. */
public abstract class AbstractServeMojo extends AbstractTargetMojo {

    /** Where serve-start keeps its server for serve-stop, in the plugin's per-project context. */
    static final String SERVER_KEY = StaticFileServer.class.getName();

    /**
     * The directory served at "/". By default the emscripten-browser build directory,
     * {@code ${outputDirectory}/emscripten-browser}, whatever {@code target} says: only that
     * build runs in a browser.
     */
    @Parameter(property = "wasm.serveDirectory")
    protected File serveDirectory;

    /** The port on 127.0.0.1; 0 lets the system pick a free one (logged, and set as wasm.serve.actualPort). */
    @Parameter(property = "wasm.serve.port", defaultValue = "8000")
    protected int port;

    /**
     * An unpacked npm xterm package (node_modules/xterm of npm install xterm@4.18.0), served
     * under /_xterm/; the CDN links of served HTML pages are pointed there, for machines
     * without internet access.
     */
    @Parameter(property = "wasm.xtermDirectory")
    protected File xtermDirectory;

    protected ServeSettings serveSettings() throws ConfigurationException {
        boolean byDefault = serveDirectory == null;
        Path root = byDefault ? outputDirectory.toPath().resolve(Target.EMSCRIPTEN_BROWSER.id())
                : serveDirectory.toPath();
        return ServeSettings.validated(root, byDefault, port, xtermDirectory == null ? null : xtermDirectory.toPath());
    }

    protected StaticFileServer startServer() throws ConfigurationException, WasmBuildException {
        ServeSettings settings = serveSettings();
        StaticFileServer server = StaticFileServer.start(settings,
                new ServeLog(getLog()::info, getLog()::debug, getLog()::warn));
        if (settings.xtermDirectory() != null) {
            getLog().info("xterm.js and xterm.css from " + settings.xtermDirectory() + " at " + server.baseUrl()
                    + "_xterm/");
        }
        return server;
    }
}
