package dev.wasmbuild.core.catalogue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The feature catalogue and the known module switches, as loaded from templates/.
 * {@code releases} are the CPython releases whose upstream site files the catalogue was compared
 * with, oldest first; their minor versions are the ones it supports.
 */
public record Catalogue(List<PythonRelease> releases, List<Feature> features, List<Module> modules,
        List<ModuleNote> moduleNotes) {

    public Optional<Feature> feature(String id) {
        return features.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public List<Feature> featuresFor(Platform platform, PythonRelease release) {
        return features.stream().filter(f -> f.appliesTo(platform, release)).toList();
    }

    /** The supported minor versions, oldest first. */
    public List<PythonVersion> versions() {
        return List.copyOf(new LinkedHashSet<>(releases.stream().map(PythonRelease::minorVersion).toList()));
    }

    public boolean supports(PythonVersion version) {
        return versions().contains(version);
    }

    /** The newest release of a minor version the catalogue knows: what {@code 3.13} stands for. */
    public Optional<PythonRelease> newestKnown(PythonVersion version) {
        return releases.stream().filter(r -> r.minorVersion().equals(version)).max(PythonRelease::compareTo);
    }

    /** Module names known for a release when no source tree is there to ask. */
    public SortedSet<String> moduleNamesFor(PythonRelease release) {
        SortedSet<String> names = new TreeSet<>();
        modules.stream().filter(m -> m.versions().contains(release)).forEach(m -> names.add(m.name()));
        return names;
    }

    /** Why {@code name} cannot be switched off in this release, if the catalogue knows. */
    public Optional<ModuleNote> moduleNote(String name, PythonRelease release) {
        return moduleNotes.stream().filter(n -> n.name().equals(name) && n.versions().contains(release)).findFirst();
    }
}
