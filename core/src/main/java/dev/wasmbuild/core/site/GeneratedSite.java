package dev.wasmbuild.core.site;

import java.nio.file.Path;

/** A site file on disk, and whether this run changed it. */
public record GeneratedSite(Path file, boolean changed, SitePlan plan) {
}
