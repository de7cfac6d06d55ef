package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.Hashing;
import dev.wasmbuild.core.site.GeneratedSite;
import dev.wasmbuild.core.site.SitePlan;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes CPython's config.site-wasm32-emscripten or config.site-wasm32-wasi from the catalogue into outputDirectory. */
@Mojo(name = "config-site", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true, requiresProject = false)
public class ConfigSiteMojo extends AbstractSiteMojo {

    /** Skips only this goal. Default: false. */
    @Parameter(property = "wasm.configSite.skip", defaultValue = "false")
    private boolean skipConfigSite;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    protected String skipReason() {
        return skipConfigSite ? "wasm.configSite.skip is set" : null;
    }

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException,
            MojoExecutionException {
        target();
        checkSourceSettings();
        SitePlan plan;
        if (sourceSetting() == Setting.SOURCE_ARCHIVE) {
            // Read from the archive's configure script; the site file needs nothing unpacked.
            plan = siteGenerator().plan(siteRequest(checkedSource()));
        } else {
            plan = siteGenerator().plan(siteRequest(sourceDirectoryOrNull()));
        }
        checkNoOtherModuleWrites(plan);
        GeneratedSite site = siteGenerator().write(plan, outputDirectory());
        site.describe().forEach(this::info);
    }

    /** Two modules of one build writing different site files to one place: refused before writing. */
    private void checkNoOtherModuleWrites(SitePlan plan) throws ConfigurationException, MojoExecutionException {
        Path file = outputDirectory().resolve(plan.fileName());
        String module = project.getGroupId() + ":" + project.getArtifactId();
        SessionOutputs.Claim other = SessionOutputs.claim(buildOf(session), file, module,
                Hashing.text(siteGenerator().render(plan)));
        if (other != null) {
            throw new MojoExecutionException("<outputDirectory>: " + other.module() + " and " + module
                    + " both write " + file + " in this build, with different content, so one would silently"
                    + " replace the other; give each module its own <outputDirectory> (the default,"
                    + " ${project.build.directory}/wasm, is per module), or the same settings");
        }
    }

    /**
     * What identifies this build: the execution request, which every module shares. Not the
     * session itself: a parallel build (-T) gives each module a clone of it.
     */
    private static Object buildOf(MavenSession session) {
        return session == null || session.getRequest() == null ? session : session.getRequest();
    }
}
