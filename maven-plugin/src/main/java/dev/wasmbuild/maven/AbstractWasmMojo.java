package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.CatalogueException;
import dev.wasmbuild.core.process.StepLog;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Every goal's one entry point: the skip switches, then the goal, with core exceptions turned
 * into Maven's two kinds of failure (bad configuration, naming the pom element; or a build that
 * failed). Goals declare only the parameters they use, in the subclasses.
 */
public abstract class AbstractWasmMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    @Component
    private MavenProjectHelper projectHelper;

    /**
     * Skips every goal of this plugin. Default: false. Each goal also has a skip property of
     * its own ({@code wasm.configSite.skip}, {@code wasm.configure.skip}, {@code wasm.build.skip},
     * {@code wasm.jar.skip}, {@code wasm.test.skip}, {@code wasm.serve.skip},
     * {@code wasm.serveStart.skip}, {@code wasm.serveStop.skip}).
     */
    @Parameter(property = "wasm.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        String reason = skip ? "wasm.skip is set" : skipReason();
        if (reason != null) {
            getLog().info("Skipping wasm:" + goal() + ": " + reason);
            return;
        }
        try {
            run();
        } catch (ConfigurationException e) {
            // Not chained: Maven would append the core's wording of the same message.
            throw new MojoExecutionException(PomTerms.configurationError(e.setting(), e.getMessage()));
        } catch (WasmBuildException e) {
            String message = PomTerms.render(e.getMessage());
            throw new MojoFailureException(message, message.equals(e.getMessage()) ? e : e.getCause());
        } catch (CatalogueException e) {
            throw new MojoExecutionException("The plugin's feature catalogue is broken: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("wasm:" + goal() + " was interrupted", e);
        }
    }

    /** The goal name, for log lines. */
    protected final String goal() {
        return execution == null ? getClass().getSimpleName() : execution.getGoal();
    }

    /** A goal-specific reason to skip, or null to run. */
    protected String skipReason() {
        return null;
    }

    /**
     * The goal itself. A MojoExecutionException it throws is about the pom itself (an element
     * that is not a setting of the core, such as {@code <executions>}) and passes through as it is.
     */
    protected abstract void run() throws ConfigurationException, WasmBuildException, InterruptedException,
            MojoExecutionException;

    protected final String pluginVersion() {
        return plugin.getVersion();
    }

    /** {@code <build directory>/<finalName>-<classifier>.<type>}: where a goal writes what it attaches. */
    protected final Path artifactFile(String classifier, String type) {
        return absolute(new File(project.getBuild().getDirectory()))
                .resolve(project.getBuild().getFinalName() + "-" + classifier + "." + type);
    }

    /** Attaches a file the goal wrote to the project, so install and deploy publish it. */
    protected final void attach(Path file, String type, String classifier) {
        projectHelper.attachArtifact(project, type, classifier, file.toFile());
    }

    /** Logs a line the core wrote, in pom terms. */
    protected final void info(String coreText) {
        getLog().info(PomTerms.render(coreText));
    }

    protected final void warn(String coreText) {
        getLog().warn(PomTerms.render(coreText));
    }

    /** Decisions and progress to Maven's info log; the processes' own lines only with -X (or verbose). */
    protected StepLog stepLog() {
        return new StepLog(this::info, this::warn, getLog().isDebugEnabled() ? getLog()::debug : line -> { });
    }

    /**
     * A path parameter as an absolute path. Without a pom (Maven's stand-alone project) Maven
     * leaves {@code ${project.basedir}} and {@code ${project.build.directory}} in defaults
     * unexpanded; they mean the current directory and its target/ there. Maven has already made
     * such a File absolute against the basedir ({@code /dir/${project.basedir}/target/wasm}), so
     * what stands before the expression is dropped.
     */
    protected final Path absolute(File file) {
        String path = file.getPath();
        if (path.contains("${")) {
            Path base = project != null && project.getBasedir() != null ? project.getBasedir().toPath()
                    : Path.of("").toAbsolutePath();
            String rest = path.substring(path.indexOf("${"));
            if (rest.startsWith("${project.build.directory}") || rest.startsWith("${project.basedir}")
                    || rest.startsWith("${basedir}")) {
                path = rest;
            }
            path = path.replace("${project.build.directory}", base.resolve("target").toString())
                    .replace("${project.basedir}", base.toString())
                    .replace("${basedir}", base.toString());
        }
        Path p = Path.of(path);
        if (!p.isAbsolute()) {
            p = (project != null && project.getBasedir() != null ? project.getBasedir().toPath()
                    : Path.of("").toAbsolutePath()).resolve(p);
        }
        return p.normalize();
    }
}
