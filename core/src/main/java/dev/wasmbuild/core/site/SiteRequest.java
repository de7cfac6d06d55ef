package dev.wasmbuild.core.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the pom asks of a site file, exactly as configured. Nulls mean "not configured";
 * {@link SiteResolver} validates everything and turns it into a {@link SitePlan}.
 */
public record SiteRequest(
        String target,
        String pythonVersion,
        Path sourceDirectory,
        List<String> disable,
        List<String> enable,
        List<String> disableModules,
        Map<String, String> cacheVariables,
        Path template) {
}
