package dev.wasmbuild.core.site;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.Catalogue;
import dev.wasmbuild.core.io.AtomicFiles;
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

    public String render(SitePlan plan) throws ConfigurationException {
        return renderer.render(plan);
    }

    public GeneratedSite write(SitePlan plan, Path outputDirectory) throws ConfigurationException, WasmBuildException {
        byte[] bytes = render(plan).getBytes(StandardCharsets.UTF_8);
        Path file = outputDirectory.resolve(plan.fileName());
        try {
            return new GeneratedSite(file, AtomicFiles.writeIfChanged(file, bytes), plan);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot write " + file, Setting.OUTPUT_DIRECTORY, e);
        }
    }

    public GeneratedSite generate(SiteRequest request, Path outputDirectory)
            throws ConfigurationException, WasmBuildException {
        return write(plan(request), outputDirectory);
    }
}
