package dev.wasmbuild.maven;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.server.StaticFileServer;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Stops the server wasm:serve-start started in this project. */
@Mojo(name = "serve-stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class ServeStopMojo extends AbstractWasmMojo {

    /** Skips only this goal. Default: false. */
    @Parameter(property = "wasm.serveStop.skip", defaultValue = "false")
    private boolean skipServeStop;

    @Override
    protected String skipReason() {
        return skipServeStop ? "wasm.serveStop.skip is set" : null;
    }

    @Override
    protected void run() throws WasmBuildException {
        Object running = getPluginContext().remove(AbstractServeMojo.SERVER_KEY);
        if (!(running instanceof StaticFileServer server)) {
            // Not an error: serve-start may have been skipped on its own.
            getLog().info("No server from wasm:serve-start is running in this project; nothing to stop.");
            return;
        }
        server.close();
        // A server that ended during the build left the steps in between without it; say so here.
        AbstractServeMojo.failIfStoppedByItself(server, "wasm:serve-start");
        getLog().info("Stopped serving " + server.baseUrl());
    }
}
