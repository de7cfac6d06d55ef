package dev.wasmbuild.core.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A named capability that a wasm runtime lacks or gets wrong. While disabled, its cache
 * variables and configure arguments go into the build. While enabled, configure probes for it,
 * except for variables whose probe a cross build cannot run: those carry the answer
 * "enabled" means ({@link CacheVariable#whenEnabled()}). A feature that no answer can enable
 * on a cross build has {@code cannotEnable}, the reason enabling it is refused on the platforms
 * in {@code cannotEnableOn}.
 */
public record Feature(
        String id,
        String summary,
        String reason,
        Set<Platform> platforms,
        Set<Platform> disabledByDefault,
        List<CacheVariable> variables,
        List<ConfigureArgument> configureArguments,
        String cannotEnable,
        Set<Platform> cannotEnableOn) {

    /** Whether switching the feature changes anything for this platform and release. */
    public boolean appliesTo(Platform platform, PythonRelease release) {
        return !variablesFor(platform, release).isEmpty() || !configureArgumentsFor(platform, release).isEmpty();
    }

    public boolean disabledByDefaultOn(Platform platform) {
        return disabledByDefault.contains(platform);
    }

    public List<CacheVariable> variablesFor(Platform platform, PythonRelease release) {
        return variables.stream().filter(v -> v.appliesTo(platform, release)).toList();
    }

    /** The answers written while the feature is enabled, in catalogue order. */
    public List<Map.Entry<String, String>> answersWhenEnabled(Platform platform, PythonRelease release) {
        return variablesFor(platform, release).stream()
                .filter(v -> v.whenEnabled().isPresent())
                .map(v -> Map.entry(v.name(), v.enabledValue()))
                .toList();
    }

    public List<String> configureArgumentsFor(Platform platform, PythonRelease release) {
        return configureArguments.stream()
                .filter(a -> a.appliesTo(platform, release))
                .map(ConfigureArgument::argument)
                .toList();
    }

    /** Why the feature cannot be enabled on a cross build for this platform, if it cannot. */
    public Optional<String> enableRefusal(Platform platform) {
        return cannotEnableOn.contains(platform) ? Optional.ofNullable(cannotEnable) : Optional.empty();
    }
}
