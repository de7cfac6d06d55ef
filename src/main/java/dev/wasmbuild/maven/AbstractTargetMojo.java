package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.run.BuildLayout;
import dev.wasmbuild.core.run.HostRunners;
import dev.wasmbuild.core.run.RunnerKind;
import dev.wasmbuild.core.source.CPythonSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that work on one target's build directory: configure, build, run, test. */
public abstract class AbstractTargetMojo extends AbstractSiteMojo {

    /**
     * The host program that runs the build: auto (wasmtime for WASI when on PATH, else node),
     * node, wasmtime, or chicory (in this JVM, WASI only).
     */
    @Parameter(property = "wasm.runner", defaultValue = "auto")
    protected String runner;

    protected Target target() throws ConfigurationException {
        return Target.parse(target, "target");
    }

    /** {@code ${outputDirectory}/<target>}: one build directory per target, side by side. */
    protected Path buildDirectory() throws ConfigurationException {
        return outputDirectory.toPath().resolve(target().id());
    }

    /** The CPython source tree to build from. */
    protected CPythonSource source() throws ConfigurationException {
        if (sourceDirectory == null) {
            throw new ConfigurationException("sourceDirectory",
                    "no CPython source given; set <sourceDirectory> to a CPython checkout (or -Dwasm.sourceDirectory=…)");
        }
        return CPythonSource.open(sourceDirectory.toPath().toAbsolutePath(), "sourceDirectory");
    }

    protected BuildLayout layout() throws ConfigurationException {
        CPythonSource source = source();
        PythonVersion version = source.version();
        return new BuildLayout(target(), version, source.root(), buildDirectory());
    }

    /** The environment child processes get: Maven's own, plus environmentVariables. */
    protected Map<String, String> processEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(environmentVariables());
        return env;
    }

    protected HostRunners hostRunners() {
        return new HostRunners(processEnvironment());
    }

    protected RunnerKind runnerKind() throws ConfigurationException {
        return hostRunners().resolve(RunnerKind.parse(runner, "runner"), target());
    }
}
