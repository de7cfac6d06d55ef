package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.server.StaticFileServer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Serves the emscripten-browser build on 127.0.0.1 until Ctrl-C, with the headers SharedArrayBuffer needs. */
@Mojo(name = "serve", threadSafe = true, requiresProject = false)
public class ServeMojo extends AbstractServeMojo {

    /** Skips only this goal. Default: false. */
    @Parameter(property = "wasm.serve.skip", defaultValue = "false")
    private boolean skipServe;

    @Override
    protected String skipReason() {
        return skipServe ? "wasm.serve.skip is set" : null;
    }

    @Override
    protected void run() throws ConfigurationException, WasmBuildException {
        StaticFileServer server = startServer();
        // Ctrl-C does not interrupt the build thread; it runs shutdown hooks, so close from one.
        Thread hook = new Thread(server::close, "wasm-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        getLog().info("Serving " + server.root() + " at " + server.pageUrl() + " (Ctrl-C to stop)");
        try {
            server.awaitClose();
        } catch (InterruptedException e) {
            // Being interrupted is how an embedding build asks a foreground server to stop.
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down, and the hook is what stopped the server.
            }
        }
        failIfStoppedByItself(server, "wasm:serve");
        getLog().info("Stopped serving " + server.baseUrl());
    }
}
