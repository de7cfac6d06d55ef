package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.source.SourceArchive;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.launch.BuildLayout;
import dev.wasmbuild.core.launch.HostRunners;
import dev.wasmbuild.core.launch.RunnerKind;
import dev.wasmbuild.core.source.CPythonSource;
import java.io.File;
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

    /** A CPython release tarball (.tgz, .tar.gz, .tar.xz) to build instead of a sourceDirectory. */
    @Parameter(property = "wasm.sourceArchive")
    protected File sourceArchive;

    /** The expected SHA-256 of sourceArchive; checked before unpacking when given. */
    @Parameter(property = "wasm.sourceArchiveSha256")
    protected String sourceArchiveSha256;

    /**
     * The source tree to build from: sourceDirectory, or sourceArchive unpacked once under the
     * output directory. Also points the site request at it, so the version comes from there.
     */
    protected Path sourceRoot() throws ConfigurationException, WasmBuildException, InterruptedException {
        if (sourceDirectory != null && sourceArchive != null) {
            throw new ConfigurationException("sourceArchive", "give either <sourceDirectory> or <sourceArchive>,"
                    + " not both");
        }
        if (sourceArchive != null) {
            sourceDirectory = SourceArchive.unpack(sourceArchive.toPath().toAbsolutePath(), sourceArchiveSha256,
                    outputDirectory.toPath().resolve("sources")).toFile();
        }
        if (sourceDirectory == null) {
            throw new ConfigurationException("sourceDirectory", "no CPython source given; set <sourceDirectory> to"
                    + " a CPython checkout (-Dwasm.sourceDirectory=…) or <sourceArchive> to a release tarball");
        }
        sourceDirectory = sourceDirectory.toPath().toAbsolutePath().normalize().toFile();
        return sourceDirectory.toPath();
    }

    /** The CPython source tree to build from. */
    protected CPythonSource source() throws ConfigurationException, WasmBuildException, InterruptedException {
        return CPythonSource.open(sourceRoot(), sourceArchive != null ? "sourceArchive" : "sourceDirectory");
    }

    protected BuildLayout layout() throws ConfigurationException, WasmBuildException, InterruptedException {
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
