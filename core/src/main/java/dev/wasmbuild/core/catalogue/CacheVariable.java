package dev.wasmbuild.core.catalogue;

import java.util.Set;

/** One autoconf cache variable a disabled feature (or module switch) writes into the site file. */
public record CacheVariable(String name, String value, Set<Platform> platforms, VersionRange versions) {
    public boolean appliesTo(Platform platform, PythonVersion version) {
        return platforms.contains(platform) && versions.contains(version);
    }
}
