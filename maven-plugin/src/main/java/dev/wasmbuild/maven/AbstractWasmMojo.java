package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.CatalogueException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Every goal's shared shell: the skip switches, and the translation of core exceptions into
 * Maven's two kinds of failure (bad configuration vs. a build that failed).
 */
public abstract class AbstractWasmMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    /** Skips every goal of this plugin. */
    @Parameter(property = "wasm.skip", defaultValue = "false")
    private boolean skip;

    /** Extra environment variables for every process the plugin starts (configure, make, runners). */
    @Parameter
    protected Map<String, String> environmentVariables;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wasm:" + goal() + " because wasm.skip is set.");
            return;
        }
        String reason = skipReason();
        if (reason != null) {
            getLog().info("Skipping wasm:" + goal() + ": " + reason);
            return;
        }
        try {
            run();
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (WasmBuildException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (CatalogueException e) {
            throw new MojoExecutionException("The plugin's feature catalogue is broken: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("wasm:" + goal() + " was interrupted", e);
        }
    }

    /** The goal name, for log lines. */
    protected String goal() {
        return execution == null ? getClass().getSimpleName() : execution.getGoal();
    }

    /** A goal-specific reason to skip, or null to run. */
    protected String skipReason() {
        return null;
    }

    protected abstract void run() throws ConfigurationException, WasmBuildException, InterruptedException;

    protected String pluginVersion() {
        return plugin.getVersion();
    }

    protected Map<String, String> environmentVariables() {
        return environmentVariables == null ? Map.of() : new TreeMap<>(environmentVariables);
    }
}
