package dev.wasmbuild.maven;

import dev.wasmbuild.core.catalogue.Feature;

import dev.wasmbuild.core.catalogue.CatalogueLoader;
import dev.wasmbuild.core.site.ConfigSiteGenerator;
import dev.wasmbuild.core.site.SiteRequest;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters that decide a site file's content, shared by every goal that makes one. */
public abstract class AbstractSiteMojo extends AbstractWasmMojo {

    /** What to build for: wasi, emscripten-node or emscripten-browser. */
    @Parameter(property = "wasm.target", defaultValue = "wasi")
    protected String target;

    /** Feature ids to disable on top of the defaults (see wasm:features). */
    @Parameter(property = "wasm.disable")
    protected List<String> disable;

    /** Feature ids to enable although they are disabled by default. */
    @Parameter(property = "wasm.enable")
    protected List<String> enable;

    /** Extension modules to switch off (py_cv_module_NAME=n/a). */
    @Parameter(property = "wasm.disableModules")
    protected List<String> disableModules;

    /** Raw autoconf cache variables, written last so they win over the features. */
    @Parameter
    protected Map<String, String> cacheVariables;

    /** A FreeMarker template of your own to render the site file with. */
    @Parameter(property = "wasm.template")
    protected File template;

    /** A CPython source tree; its Include/patchlevel.h decides the CPython release. */
    @Parameter(property = "wasm.sourceDirectory")
    protected File sourceDirectory;

    /**
     * The CPython release, used when no sourceDirectory is given: a release such as 3.13.5, or a
     * minor version such as 3.13, meaning the newest release of it the catalogue knows.
     */
    @Parameter(property = "wasm.pythonVersion", defaultValue = "3.11")
    protected String pythonVersion;

    /** Where generated files go. */
    @Parameter(property = "wasm.outputDirectory", defaultValue = "${project.build.directory}/wasm")
    protected File outputDirectory;

    protected SiteRequest siteRequest() {
        return siteRequest(disableModules);
    }

    protected SiteRequest siteRequest(List<String> modules) {
        return new SiteRequest(target, pythonVersion, sourceDirectory == null ? null : sourceDirectory.toPath(),
                disable, enable, modules, cacheVariables, template == null ? null : template.toPath());
    }

    protected ConfigSiteGenerator siteGenerator() {
        return new ConfigSiteGenerator(CatalogueLoader.loadBundled(), pluginVersion());
    }
}
