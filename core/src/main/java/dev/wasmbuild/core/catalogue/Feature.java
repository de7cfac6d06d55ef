package dev.wasmbuild.core.catalogue;

import java.util.List;
import java.util.Set;

/**
 * A named capability that a wasm runtime lacks or gets wrong. While disabled, its cache
 * variables and configure arguments go into the build; while enabled, configure probes for it.
 */
public record Feature(
        String id,
        String summary,
        String reason,
        Set<Platform> platforms,
        Set<Platform> disabledByDefault,
        List<CacheVariable> variables,
        List<ConfigureArgument> configureArguments) {

    /** Whether switching the feature changes anything for this platform and version. */
    public boolean appliesTo(Platform platform, PythonVersion version) {
        return !variablesFor(platform, version).isEmpty() || !configureArgumentsFor(platform, version).isEmpty();
    }

    public boolean disabledByDefaultOn(Platform platform) {
        return disabledByDefault.contains(platform);
    }

    public List<CacheVariable> variablesFor(Platform platform, PythonVersion version) {
        return variables.stream().filter(v -> v.appliesTo(platform, version)).toList();
    }

    public List<String> configureArgumentsFor(Platform platform, PythonVersion version) {
        return configureArguments.stream()
                .filter(a -> a.appliesTo(platform, version))
                .map(ConfigureArgument::argument)
                .toList();
    }
}
