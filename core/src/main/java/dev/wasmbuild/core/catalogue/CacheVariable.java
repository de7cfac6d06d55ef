package dev.wasmbuild.core.catalogue;

import java.util.Optional;
import java.util.Set;

/**
 * One autoconf cache variable of a feature. {@code value} is written while the feature is
 * disabled; {@code enabledValue}, when there is one, while it is enabled: the positive answer to
 * a probe a cross build cannot run (a file on the build machine, a program run at configure
 * time), since leaving such a variable out stops configure or makes it assume the worst.
 */
public record CacheVariable(String name, String value, String enabledValue, Set<Platform> platforms,
        VersionRange versions) {

    public boolean appliesTo(Platform platform, PythonRelease release) {
        return platforms.contains(platform) && versions.contains(release);
    }

    /** What the variable is set to while its feature is enabled; empty: configure probes. */
    public Optional<String> whenEnabled() {
        return Optional.ofNullable(enabledValue);
    }
}
