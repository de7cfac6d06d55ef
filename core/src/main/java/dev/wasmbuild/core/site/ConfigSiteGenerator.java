package dev.wasmbuild.core.site;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.FileErrors;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.Catalogue;
import dev.wasmbuild.core.io.AtomicFiles;
import dev.wasmbuild.core.source.CPythonSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Validates, renders, and only then writes: bad input never leaves a file behind. */
public final class ConfigSiteGenerator {
    public static final String GENERATOR_NAME = "wasm-maven-plugin";

    private final SiteResolver resolver;
    private final SiteRenderer renderer;

    public ConfigSiteGenerator(Catalogue catalogue, String pluginVersion) {
        this.resolver = new SiteResolver(catalogue);
        this.renderer = new SiteRenderer(GENERATOR_NAME, pluginVersion);
    }

    /** Everything that can be checked without touching the disk's output side. */
    public SitePlan plan(SiteRequest request) throws ConfigurationException {
        return resolver.resolve(request);
    }

    /** As {@link #plan(SiteRequest)}, for a source already opened or still in its archive. */
    public SitePlan plan(SiteRequest request, CPythonSource source) throws ConfigurationException {
        return resolver.resolve(request, source);
    }

    public String render(SitePlan plan) throws ConfigurationException {
        return renderer.render(plan);
    }

    public GeneratedSite write(SitePlan plan, Path outputDirectory) throws ConfigurationException, WasmBuildException {
        byte[] bytes = render(plan).getBytes(StandardCharsets.UTF_8);
        Path file = outputDirectory.resolve(plan.fileName());
        try {
            return new GeneratedSite(file, AtomicFiles.writeIfChanged(file, bytes), plan);
        } catch (IOException e) {
            throw new WasmBuildException("cannot write " + file + " ({outputDirectory}): " + FileErrors.describe(e), e);
        }
    }

    public GeneratedSite generate(SiteRequest request, Path outputDirectory)
            throws ConfigurationException, WasmBuildException {
        return write(plan(request), outputDirectory);
    }
}
