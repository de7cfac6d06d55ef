package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.site.GeneratedSite;
import dev.wasmbuild.core.site.SitePlan;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes CPython's config.site-wasm32-emscripten or config.site-wasm32-wasi from the catalogue into outputDirectory. */
@Mojo(name = "config-site", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true, requiresProject = false)
public class ConfigSiteMojo extends AbstractSiteMojo {

    /** Skips only this goal. Default: false. */
    @Parameter(property = "wasm.configSite.skip", defaultValue = "false")
    private boolean skipConfigSite;

    @Override
    protected String skipReason() {
        return skipConfigSite ? "wasm.configSite.skip is set" : null;
    }

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        target();
        checkSourceSettings();
        SitePlan plan;
        if (sourceSetting() == Setting.SOURCE_ARCHIVE) {
            // Read from the archive's configure script; the site file needs nothing unpacked.
            plan = siteGenerator().plan(siteRequest(checkedSource()));
        } else {
            plan = siteGenerator().plan(siteRequest(sourceDirectoryOrNull()));
        }
        GeneratedSite site = siteGenerator().write(plan, outputDirectory());
        site.describe().forEach(this::info);
    }
}
