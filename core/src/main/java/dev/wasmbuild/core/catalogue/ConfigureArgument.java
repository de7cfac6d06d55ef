package dev.wasmbuild.core.catalogue;

import java.util.Set;

/** A configure argument a disabled feature adds where no cache variable is the lever. */
public record ConfigureArgument(String argument, Set<Platform> platforms, VersionRange versions) {
    public boolean appliesTo(Platform platform, PythonRelease release) {
        return platforms.contains(platform) && versions.contains(release);
    }
}
