package dev.wasmbuild.core.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The feature catalogue and the known module switches, as loaded from templates/. */
public record Catalogue(List<PythonVersion> versions, List<Feature> features, List<Module> modules) {

    public Optional<Feature> feature(String id) {
        return features.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public List<Feature> featuresFor(Platform platform, PythonVersion version) {
        return features.stream().filter(f -> f.appliesTo(platform, version)).toList();
    }

    public boolean supports(PythonVersion version) {
        return versions.contains(version);
    }

    /** Module names known for a version when no source tree is there to ask. */
    public SortedSet<String> moduleNamesFor(PythonVersion version) {
        SortedSet<String> names = new TreeSet<>();
        modules.stream().filter(m -> m.versions().contains(version)).forEach(m -> names.add(m.name()));
        return names;
    }
}
