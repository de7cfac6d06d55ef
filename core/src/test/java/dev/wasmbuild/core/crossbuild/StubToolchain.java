package dev.wasmbuild.core.crossbuild;

import dev.wasmbuild.core.catalogue.PythonRelease;
import dev.wasmbuild.core.toolchain.Fitness;
import dev.wasmbuild.core.toolchain.Toolchain;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A toolchain that is nothing but its answers: the host's cc as CC, no wrappers, and the
 * findings a test gives it (a missing port, a module it cannot build, a CFLAGS flag it needs).
 * It notes in the build's log when it is readied, so a test sees where that happens.
 */
final class StubToolchain implements Toolchain {
    final SortedSet<String> missingPorts = new TreeSet<>();
    final SortedMap<String, String> unavailable = new TreeMap<>();
    final List<String> flags;
    final String identity;

    StubToolchain(String identity, List<String> flags) {
        this.identity = identity;
        this.flags = List.copyOf(flags);
    }

    @Override
    public String name() {
        return "stub cc";
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("CC", "cc", "CFLAGS", "-O2");
    }

    @Override
    public Fitness fitnessFor(PythonRelease python) {
        return new Fitness(python, Fitness.Verdict.FITS, List.of(), new TreeMap<>(), flags);
    }

    @Override
    public SortedMap<String, String> unavailableModules() {
        return new TreeMap<>(unavailable);
    }

    @Override
    public void beforeConfigure(Consumer<String> info) {
        info.accept("stub cc: ready");
    }

    @Override
    public SortedSet<String> missingPorts() {
        return new TreeSet<>(missingPorts);
    }

    @Override
    public List<String> describe() {
        return List.of(name());
    }
}
