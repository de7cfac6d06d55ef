package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.server.StaticFileServer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts serving the emscripten-browser build in the background of the build, for browser tests
 * in later phases; wasm:serve-stop stops it. Sets the project properties wasm.serve.url,
 * wasm.serve.pageUrl and wasm.serve.actualPort for the steps in between.
 */
@Mojo(name = "serve-start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class ServeStartMojo extends AbstractServeMojo {

    /** Skips only this goal. Default: false. */
    @Parameter(property = "wasm.serveStart.skip", defaultValue = "false")
    private boolean skipServeStart;

    @Override
    protected String skipReason() {
        return skipServeStart ? "wasm.serveStart.skip is set" : null;
    }

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, MojoExecutionException {
        Object running = getPluginContext().get(SERVER_KEY);
        if (running instanceof StaticFileServer previous && !previous.isClosed()) {
            throw new MojoExecutionException("<executions>: wasm:serve-start ran twice in " + project.getId()
                    + " without wasm:serve-stop in between; the first server is still running at "
                    + previous.baseUrl());
        }
        StaticFileServer server = startServer();
        getPluginContext().put(SERVER_KEY, server);
        // Not wasm.serve.port: a -Dwasm.serve.port=0 on the command line would shadow it in ${…}.
        project.getProperties().setProperty("wasm.serve.url", server.baseUrl());
        project.getProperties().setProperty("wasm.serve.pageUrl", server.pageUrl());
        project.getProperties().setProperty("wasm.serve.actualPort", Integer.toString(server.port()));
        getLog().info("Serving " + server.root() + " at " + server.pageUrl() + " (until wasm:serve-stop)");
    }
}
