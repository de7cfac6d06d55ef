package dev.wasmbuild.core.crossbuild;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.buildpython.BuildPython;
import dev.wasmbuild.core.configure.ConfigureArguments;
import dev.wasmbuild.core.configure.ConfigureStep;
import dev.wasmbuild.core.io.DirectoryLock;
import dev.wasmbuild.core.io.PathAliases;
import dev.wasmbuild.core.make.MakeStep;
import dev.wasmbuild.core.make.MakeTargets;
import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.ProcessExecutor;
import dev.wasmbuild.core.process.StepLog;
import dev.wasmbuild.core.site.ConfigSiteGenerator;
import dev.wasmbuild.core.site.GeneratedSite;
import dev.wasmbuild.core.source.CPythonSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One target's cross build as steps: site file, build Python, configure, make. What they run
 * and why is decided once by {@link #prepare}, into a {@link BuildPlan}, without starting a
 * build step or writing anything, so bad input never leaves a half-made build directory
 * behind; the environment they run in is its {@link BuildEnvironment}.
 */
public final class CrossBuild {
    /** 1980-02-01T00:00:00Z: the DOS epoch plus a month, also the zip entries' time when no other is given. */
    public static final long DEFAULT_SOURCE_DATE_EPOCH = BuildEnvironment.DEFAULT_SOURCE_DATE_EPOCH;

    private final BuildPlan plan;
    private final BuildEnvironment environment;
    private final ConfigSiteGenerator generator;

    private CrossBuild(BuildPlan plan, ConfigSiteGenerator generator) {
        this.plan = plan;
        this.environment = new BuildEnvironment(plan);
        this.generator = generator;
    }

    /**
     * Checks every setting and finds the toolchain. A source still in its archive is unpacked by
     * {@link #configure}, after everything was checked.
     */
    public static CrossBuild prepare(BuildRequest request, ConfigSiteGenerator generator, StepLog log)
            throws ConfigurationException, WasmBuildException {
        return prepare(request, generator, BuildPlan.ToolchainFinder.ON_THIS_MACHINE, log);
    }

    static CrossBuild prepare(BuildRequest request, ConfigSiteGenerator generator,
            BuildPlan.ToolchainFinder toolchains, StepLog log) throws ConfigurationException, WasmBuildException {
        return new CrossBuild(BuildPlan.make(request, generator, toolchains, log), generator);
    }

    public BuildPlan plan() {
        return plan;
    }

    public BuildLayout layout() {
        return plan.layout();
    }

    /**
     * Keeps every other run out of this build directory until the lock is closed: hold it
     * around configure, make and packaging, since two configures or makes in one directory
     * overwrite each other's files. A run that has to wait says so in the log.
     */
    public DirectoryLock lock(StepLog log) throws WasmBuildException, InterruptedException {
        return lockBuildDirectory(plan.request().buildDirectory(), log);
    }

    static DirectoryLock lockBuildDirectory(Path dir, StepLog log) throws WasmBuildException, InterruptedException {
        Path file = DirectoryLock.lockFileFor(dir);
        try {
            return DirectoryLock.acquire(file, "build of " + dir, log.info());
        } catch (IOException e) {
            throw WasmBuildException.io("cannot lock the build directory " + dir + " (" + Setting.OUTPUT_DIRECTORY + ") through "
                    + file, e);
        }
    }

    /**
     * Writes the site file, lets the toolchain ready itself, makes sure there is a build Python,
     * and configures if any input changed.
     *
     * @return whether configure ran
     */
    public boolean configure(StepLog log) throws ConfigurationException, WasmBuildException, InterruptedException {
        BuildRequest settings = plan.request();
        CPythonSource source = plan.source().onDisk();
        Path dir = settings.buildDirectory();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot create the build directory " + dir, Setting.OUTPUT_DIRECTORY, e);
        }
        Path makeSource = alias(source.root(), log.info());
        Path makeDir = alias(dir, log.info());
        plan.toolchain().beforeConfigure(log.info());
        GeneratedSite site = generator.write(plan.site(), dir);
        log.info().accept((site.changed() ? "Wrote " : "Site file unchanged: ") + site.file());
        Path buildPython = BuildPython.inToolCache(settings.host().toolCache()).ensure(makeSource, settings.options().jobs(),
                environment.nativeBuild(), log);
        List<String> args = ConfigureArguments.compose(plan.target(), source.version(), buildTriple(), buildPython,
                settings.options(), plan.site().configureArguments(),
                plan.userArguments());
        return ConfigureStep.run(new ConfigureStep.Inputs(makeSource, makeDir, makeDir.resolve(
                site.file().getFileName()),
                plan.toolchain().configureWrapper(), args, environment.added(), plan.toolchain().identity(),
                settings.pluginVersion()), environment.base(), log);
    }

    /** Runs make; always, since make knows best what is out of date. */
    public void make(StepLog log) throws WasmBuildException, InterruptedException {
        Map<String, String> env = environment.forMake();
        // Said once by configure; the links are made again in case something removed them since.
        alias(plan.source().root(), line -> { });
        Path buildDirectory = alias(plan.request().buildDirectory(), line -> { });
        List<String> targets = MakeTargets.write(plan.target(), plan.layout().version(), plan.toolchain(),
                plan.request().buildDirectory(), log.info());
        MakeStep.run(buildDirectory, Setting.OUTPUT_DIRECTORY, plan.toolchain().makeWrapper(), plan.request().options().jobs(),
                targets, env, log);
    }

    /** The directory as configure and make see it, making its alias link when it needs one. */
    private Path alias(Path dir, Consumer<String> info) throws WasmBuildException {
        return alias(plan.aliases(), dir, info);
    }

    static Path alias(PathAliases aliases, Path dir, Consumer<String> info) throws WasmBuildException {
        try {
            Path alias = aliases.create(dir);
            if (!alias.equals(dir.toAbsolutePath().normalize())) {
                info.accept("configure and make see " + dir + " as " + alias + " (its path contains "
                        + PathAliases.offending(dir) + ", which they cannot carry)");
            }
            return alias;
        } catch (IOException e) {
            // The links live in the tool cache, so that is where a failure is most likely fixed.
            throw WasmBuildException.io("cannot link " + aliases.aliasFor(dir) + " (" + Setting.TOOL_CACHE + ") to " + dir
                    + " (configure and make need a path without spaces to it)", e);
        }
    }

    /** The build machine's GNU triple, from the source's own config.guess as wasm_build.py does. */
    private String buildTriple() throws WasmBuildException, InterruptedException {
        Path guess = plan.source().root().resolve("config.guess");
        Command cmd = new Command(List.of("sh", guess.toString()), plan.request().buildDirectory(),
                environment.nativeBuild());
        ProcessExecutor.Captured r = ProcessExecutor.capture(cmd, Duration.ofMinutes(1));
        List<String> lines = r.output().lines().toList();
        if (!r.succeeded() || lines.isEmpty()) {
            throw new WasmBuildException("cannot tell the build machine's triple: " + cmd.line() + " exited with "
                    + r.exitCode() + (r.output().isEmpty() ? "" : ": " + r.output()));
        }
        return lines.get(lines.size() - 1).trim();
    }
}
