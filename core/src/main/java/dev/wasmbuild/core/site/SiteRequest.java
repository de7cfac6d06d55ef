package dev.wasmbuild.core.site;

import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.source.CPythonSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the user asks of a site file: the target already parsed, the source already opened (or
 * read from its archive, not unpacked), the switches exactly as given. Nulls mean "not given";
 * {@link SiteResolver} validates the switches against the catalogue and turns them into a
 * {@link SitePlan}.
 *
 * @param source the CPython source, or null to go by {@code pythonVersion}
 * @param pythonVersion a release or minor version, used only without a source
 */
public record SiteRequest(
        Target target,
        CPythonSource source,
        String pythonVersion,
        List<String> disable,
        List<String> enable,
        List<String> disableModules,
        Map<String, String> cacheVariables,
        Path template) {
}
