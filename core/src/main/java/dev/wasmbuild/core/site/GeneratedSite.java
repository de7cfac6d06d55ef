package dev.wasmbuild.core.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A site file on disk, and whether this run changed it. */
public record GeneratedSite(Path file, boolean changed, SitePlan plan) {

    /** What the site-file step reports: the plan in numbers, the file, the configure arguments it implies. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("CPython " + plan.release() + " (from " + plan.versionSource() + "), target " + plan.target()
                + ": " + plan.disabledFeatures().size() + " features disabled, " + plan.enabledFeatures().size()
                + " enabled, " + plan.disabledModules().size() + " modules off, "
                + plan.cacheVariables().size() + " raw cache variables");
        lines.add((changed ? "Wrote " : "Unchanged, kept as it was: ") + file);
        if (!plan.configureArguments().isEmpty()) {
            lines.add("Configure arguments from disabled features: " + String.join(" ", plan.configureArguments()));
        }
        return lines;
    }
}
