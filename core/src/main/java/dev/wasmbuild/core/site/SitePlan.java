package dev.wasmbuild.core.site;

import dev.wasmbuild.core.catalogue.Feature;
import dev.wasmbuild.core.catalogue.Platform;
import dev.wasmbuild.core.catalogue.PythonRelease;
import dev.wasmbuild.core.catalogue.Target;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A validated request: the CPython release it is for, which features end up disabled and
 * enabled, and every switch that produced that, in a fixed order so the rendered file is
 * byte-for-byte reproducible.
 */
public record SitePlan(
        Target target,
        PythonRelease release,
        String versionSource,
        List<Feature> disabledFeatures,
        List<Feature> enabledFeatures,
        SortedSet<String> requestedDisable,
        SortedSet<String> requestedEnable,
        SortedSet<String> disabledModules,
        SortedMap<String, String> cacheVariables,
        Path template) {

    public Platform platform() {
        return target.platform();
    }

    public String fileName() {
        return platform().siteFileName();
    }

    /** Configure arguments contributed by the disabled features, in catalogue order. */
    public List<String> configureArguments() {
        return disabledFeatures.stream()
                .flatMap(f -> f.configureArgumentsFor(platform(), release).stream())
                .distinct()
                .toList();
    }

    /**
     * This plan with what the toolchain found: the modules it cannot build are off too, and its
     * autoconf answers go in beneath the pom's own cacheVariables, which win. Derived rather than
     * resolved again, since the request itself was checked when this plan was made.
     */
    public SitePlan withToolchain(Collection<String> modulesOff, Map<String, String> answers) {
        SortedSet<String> modules = new TreeSet<>(disabledModules);
        modules.addAll(modulesOff);
        SortedMap<String, String> variables = new TreeMap<>(answers);
        variables.putAll(cacheVariables);
        return new SitePlan(target, release, versionSource, disabledFeatures, enabledFeatures, requestedDisable,
                requestedEnable, modules, variables, template);
    }
}
