package dev.wasmbuild.core.crossbuild;

import dev.wasmbuild.core.Action;
import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.buildpython.BuildPython;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.configure.ConfigureArguments;
import dev.wasmbuild.core.configure.ConfigureStep;
import dev.wasmbuild.core.io.DirectoryLock;
import dev.wasmbuild.core.io.PathAliases;
import dev.wasmbuild.core.launch.BuildLayout;
import dev.wasmbuild.core.launch.HostRunners;
import dev.wasmbuild.core.launch.RunnerKind;
import dev.wasmbuild.core.make.BinasciiWithoutZlibPort;
import dev.wasmbuild.core.make.CompactEvalLoop;
import dev.wasmbuild.core.make.MakeFiles;
import dev.wasmbuild.core.make.MakeStep;
import dev.wasmbuild.core.make.PreinitEntry;
import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.ProcessExecutor;
import dev.wasmbuild.core.process.StepLog;
import dev.wasmbuild.core.site.ConfigSiteGenerator;
import dev.wasmbuild.core.site.GeneratedSite;
import dev.wasmbuild.core.site.SitePlan;
import dev.wasmbuild.core.site.SiteRequest;
import dev.wasmbuild.core.source.CPythonSource;
import dev.wasmbuild.core.source.SourceTreeCheck;
import dev.wasmbuild.core.toolchain.EmscriptenToolchain;
import dev.wasmbuild.core.toolchain.Fitness;
import dev.wasmbuild.core.toolchain.Toolchain;
import dev.wasmbuild.core.toolchain.ToolchainException;
import dev.wasmbuild.core.toolchain.Toolchains;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One target's cross build: site file, build Python, configure, make. {@link #prepare} checks
 * every input and finds the toolchain without starting a build step or writing anything, so
 * bad input never leaves a half-made build directory behind.
 */
public final class CrossBuild {
    /** Variables that would turn the native build Python into a cross build if inherited. */
    private static final Set<String> CROSS_ONLY = Set.of("CC", "CXX", "CPP", "CFLAGS", "CPPFLAGS", "CXXFLAGS",
            "LDFLAGS", "LIBS", "AR", "RANLIB", "LDSHARED", "CONFIG_SITE", "HOSTRUNNER", "PKG_CONFIG_PATH",
            "PKG_CONFIG_LIBDIR", "PKG_CONFIG_SYSROOT_DIR");

    /** 1980-02-01T00:00:00Z: the DOS epoch plus a month, also the zip entries' time when no other is given. */
    public static final long DEFAULT_SOURCE_DATE_EPOCH = 315_532_800L + 86_400L * 31;

    private final BuildSettings settings;
    private final Target target;
    private final CPythonSource source;
    private final Toolchain toolchain;
    private final SitePlan sitePlan;
    private final RunnerKind runner;
    private final List<String> userArguments;
    private final ConfigSiteGenerator generator;
    private final BuildLayout layout;
    /** The same directories as configure and make see them: plain aliases where a real path has a space. */
    private final BuildLayout makeLayout;
    private final PathAliases aliases;
    /** What the toolchain needs in CFLAGS for this CPython release (its {@link Fitness}). */
    private final List<String> fitnessFlags;

    private CrossBuild(BuildSettings settings, Target target, CPythonSource source, Toolchain toolchain,
            SitePlan sitePlan, RunnerKind runner, List<String> userArguments, ConfigSiteGenerator generator,
            BuildLayout layout, PathAliases aliases, List<String> fitnessFlags) {
        this.settings = settings;
        this.target = target;
        this.source = source;
        this.toolchain = toolchain;
        this.sitePlan = sitePlan;
        this.runner = runner;
        this.userArguments = userArguments;
        this.generator = generator;
        this.layout = layout;
        this.aliases = aliases;
        this.fitnessFlags = List.copyOf(fitnessFlags);
        this.makeLayout = new BuildLayout(layout.target(), layout.version(),
                aliases.aliasFor(layout.sourceDirectory()), aliases.aliasFor(layout.buildDirectory()));
    }

    public static CrossBuild prepare(BuildSettings s, ConfigSiteGenerator generator, StepLog log)
            throws ConfigurationException, WasmBuildException {
        if (s.site().source() == null) {
            throw new ConfigurationException(Setting.SOURCE_DIRECTORY, "no CPython source given; set " + Setting.SOURCE_DIRECTORY + " to"
                    + " a CPython checkout or " + Setting.SOURCE_ARCHIVE + " to a release tarball");
        }
        return prepare(s, s.site().source(), generator, log);
    }

    /**
     * As {@link #prepare(BuildSettings, ConfigSiteGenerator, StepLog)} for a source that may
     * still be in its archive: it is unpacked by {@link #configure}, after everything was checked.
     */
    public static CrossBuild prepare(BuildSettings s, CPythonSource source, ConfigSiteGenerator generator,
            StepLog log) throws ConfigurationException, WasmBuildException {
        SiteRequest request = s.site();
        Target target = request.target();
        // A pending archive's tree does not exist yet; once unpacked it is as clean as the release.
        SourceTreeCheck.requireClean(source.root(), source.element());
        List<String> userArguments = ConfigureArguments.validate(target, s.configureArguments(), s.dynamicLinking(),
                s.pthreads());
        if (s.jobs() < 1) {
            throw new ConfigurationException(Setting.JOBS, s.jobs() + " is not a number of make jobs; use 1 or more"
                    + " (or 0 for one per processor)");
        }
        // The user's switches are checked first, so their mistakes are reported before toolchain trouble.
        SitePlan plan = generator.plan(request);
        Toolchain toolchain = Toolchains.discover(target.platform(), s.processEnvironment(), s.toolCache(),
                s.portSources(), s.compilerLauncher());
        RunnerKind runner = target == Target.EMSCRIPTEN_BROWSER ? null
                : new HostRunners(s.processEnvironment()).resolve(s.hostRunner(), target);
        if (runner == RunnerKind.CHICORY) {
            // make cannot call into Maven's JVM; CPython's own make targets get node instead.
            runner = RunnerKind.NODE;
        }
        log.info().accept("Toolchain: " + toolchain.name());
        Fitness fitness = toolchain.fitnessFor(plan.release());
        if (fitness.verdict() == Fitness.Verdict.REFUSED) {
            throw new ToolchainException(toolchain.name() + " cannot build CPython " + source.version() + ": "
                    + String.join(" ", fitness.refusals()));
        }
        fitness.warnings().forEach(log.warn());
        requireZlibInTheBrowser(target, plan.disabledModules(), toolchain.unavailableModules());
        Map<String, String> answers = new TreeMap<>(fitness.siteAnswers());
        if (request.cacheVariables() != null) {
            answers.putAll(request.cacheVariables());
        }
        if (!toolchain.unavailableModules().isEmpty() || !fitness.siteAnswers().isEmpty()) {
            TreeSet<String> modules = new TreeSet<>(plan.disabledModules());
            toolchain.unavailableModules().forEach((module, why) -> {
                if (modules.add(module)) {
                    log.warn().accept("Turning module " + module + " off: " + why);
                }
            });
            // The toolchain's answers go in as cache variables; the pom's own, written after them, win.
            plan = generator.plan(new SiteRequest(request.target(), source, request.pythonVersion(),
                    request.disable(), request.enable(), new ArrayList<>(modules), answers, request.template()));
        }
        // Rendering now finds template errors before anything is built.
        generator.render(plan);
        return new CrossBuild(s, target, source, toolchain, plan, runner, userArguments, generator,
                new BuildLayout(target, source.version(), source.root(), s.buildDirectory()), aliases(s),
                fitness.compilerFlags());
    }

    /**
     * The browser build packs the stdlib into one zip that CPython's Tools/wasm/wasm_assets.py
     * compresses with deflate (3.11 to 3.13), and zipimport can read that only with the zlib
     * module: without it the page stops at "Failed to import encodings module". Refused here,
     * before anything runs, rather than building an interpreter that cannot start.
     */
    static void requireZlibInTheBrowser(Target target, Set<String> pomDisabledModules,
            Map<String, String> unavailableModules) throws ConfigurationException {
        if (target != Target.EMSCRIPTEN_BROWSER) {
            return;
        }
        String why = "the browser build's stdlib is a deflate-compressed zip, which CPython can read only with its"
                + " zlib module (without it the page stops at \"Failed to import encodings module\")";
        if (pomDisabledModules.contains("zlib")) {
            throw new ConfigurationException(Setting.DISABLE_MODULES, "zlib cannot be turned off for emscripten-browser: "
                    + why + ". Remove it from " + Setting.DISABLE_MODULES + ".");
        }
        if (unavailableModules.containsKey("zlib")) {
            throw new ConfigurationException(Setting.ZLIB_SOURCE, "emscripten-browser needs the zlib module, and "
                    + unavailableModules.get("zlib") + ": " + why + ". Set " + Setting.ZLIB_SOURCE + " to an unpacked zlib source"
                    + " tree, such as Debian's zlib source package (apt-get source zlib).");
        }
    }

    /**
     * The tool cache's own path reaches configure and make unaliased (the build Python, the
     * WASI sysroot in CC, the aliases themselves), so it is the one path that must be plain.
     */
    static PathAliases aliases(BuildSettings s) throws ConfigurationException {
        PathAliases aliases = new PathAliases(s.toolCache().resolve("paths"));
        if (!PathAliases.isPlain(s.toolCache())) {
            throw new ConfigurationException(Setting.TOOL_CACHE, s.toolCache() + " contains " + PathAliases.offending(
                    s.toolCache()) + ": paths inside the tool cache (the build Python, the WASI sysroot, the"
                    + " plain aliases of project directories) are written into CPython's Makefile and compiler"
                    + " command lines, which make splits on spaces and hands to the shell; set " + Setting.TOOL_CACHE + " to a"
                    + " path made only of letters, digits and _ . + , @ = ~ / -");
        }
        return aliases;
    }

    public BuildLayout layout() {
        return layout;
    }

    /**
     * Keeps every other run out of this build directory until the lock is closed: hold it
     * around configure, make and packaging, since two configures or makes in one directory
     * overwrite each other's files. A run that has to wait says so in the log.
     */
    public DirectoryLock lock(StepLog log) throws WasmBuildException, InterruptedException {
        return lockBuildDirectory(settings.buildDirectory(), log);
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

    /** Writes the site file, makes sure there is a build Python, and configures if any input changed. */
    public boolean configure(StepLog log) throws ConfigurationException, WasmBuildException, InterruptedException {
        CPythonSource source = this.source.onDisk();
        Path dir = settings.buildDirectory();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot create the build directory " + dir, Setting.OUTPUT_DIRECTORY, e);
        }
        Path makeSource = alias(source.root(), log.info());
        Path makeDir = alias(dir, log.info());
        if (toolchain instanceof EmscriptenToolchain emscripten) {
            emscripten.prepare(log.info());
        }
        GeneratedSite site = generator.write(sitePlan, dir);
        log.info().accept((site.changed() ? "Wrote " : "Site file unchanged: ") + site.file());
        Path buildPython = BuildPython.inToolCache(settings.toolCache()).ensure(makeSource, settings.jobs(),
                nativeEnvironment(), log);
        List<String> args = ConfigureArguments.compose(target, source.version(), buildTriple(log), buildPython,
                settings.dynamicLinking(), settings.pthreads(), settings.debug(), sitePlan.configureArguments(),
                userArguments);
        return ConfigureStep.run(new ConfigureStep.Inputs(makeSource, makeDir, makeDir.resolve(
                site.file().getFileName()),
                toolchain.configureWrapper(), args, addedEnvironment(), toolchain.identity(),
                settings.pluginVersion()), withSourceDate(settings.processEnvironment()), log);
    }

    /** Runs make; always, since make knows best what is out of date. */
    public void make(StepLog log) throws WasmBuildException, InterruptedException {
        Map<String, String> env = withSourceDate(settings.processEnvironment());
        env.putAll(addedEnvironment());
        env.merge("CFLAGS_NODIST", buildDate(env.get("SOURCE_DATE_EPOCH")), (user, ours) -> ours + " " + user);
        // Said once by configure; the links are made again in case something removed them since.
        alias(source.root(), line -> { });
        Path buildDirectory = alias(settings.buildDirectory(), line -> { });
        List<String> makeFiles = new ArrayList<>();
        if (CompactEvalLoop.appliesTo(target, layout.version())) {
            log.info().accept("make: Python/ceval.o is compiled for size (" + CompactEvalLoop.FILE + ") so that"
                    + " CPython " + layout.version() + "'s eval loop stays one JVM method for " + Action.JAR);
            makeFiles.add(CompactEvalLoop.write(settings.buildDirectory()));
        }
        boolean noZlibPort = toolchain instanceof EmscriptenToolchain emscripten && !emscripten.hasPort("zlib");
        if (BinasciiWithoutZlibPort.update(settings.buildDirectory(), noZlibPort)) {
            log.info().accept("make: binascii is compiled without zlib's crc32 (" + BinasciiWithoutZlibPort.FILE
                    + "): configure links it with emscripten's zlib port, which cannot be downloaded here and"
                    + " has no zlibSource to be seeded from");
            makeFiles.add(BinasciiWithoutZlibPort.FILE);
        }
        boolean preinit = PreinitEntry.appliesTo(target);
        if (preinit) {
            log.info().accept("make: also links " + PreinitEntry.PROGRAM + " (" + PreinitEntry.FILE + "), python"
                    + " with an entry that " + Action.JAR + " runs at build time so the jar starts with CPython initialised");
            makeFiles.add(PreinitEntry.write(settings.buildDirectory()));
        }
        List<String> targets = new ArrayList<>(MakeFiles.arguments(makeFiles));
        targets.add("all");
        if (preinit) {
            targets.add(PreinitEntry.PROGRAM);
        }
        MakeStep.run(buildDirectory, Setting.OUTPUT_DIRECTORY, toolchain.makeWrapper(), settings.jobs(), targets, env, log);
    }

    /**
     * SOURCE_DATE_EPOCH, the reproducible-builds convention, for the tools that stamp a date
     * into what they make (py_compile, compilers that read it for __DATE__). Left out of
     * the configure fingerprint: no configure answer depends on it. The environment's own wins.
     */
    private static Map<String, String> withSourceDate(Map<String, String> base) {
        Map<String, String> env = new TreeMap<>(base);
        env.putIfAbsent("SOURCE_DATE_EPOCH", Long.toString(DEFAULT_SOURCE_DATE_EPOCH));
        return env;
    }

    /**
     * sys.version's build date and time (Modules/getbuildinfo.c takes DATE and TIME when they are
     * defined, else __DATE__ and __TIME__, which Debian's clang 14 takes from the clock, not from
     * SOURCE_DATE_EPOCH). Given to make only, in CFLAGS_NODIST, which CPython's Makefile reads
     * from the environment for the interpreter's own files and writes nowhere (not into
     * _sysconfigdata). Backslashes, since make's recipe shell reads the value.
     */
    static String buildDate(String sourceDateEpoch) {
        long seconds = sourceDateEpoch != null && sourceDateEpoch.matches("[0-9]{1,12}")
                ? Long.parseLong(sourceDateEpoch) : DEFAULT_SOURCE_DATE_EPOCH;
        java.time.ZonedDateTime t = java.time.Instant.ofEpochSecond(seconds).atZone(java.time.ZoneOffset.UTC);
        String date = t.format(java.time.format.DateTimeFormatter.ofPattern("MMM ppd yyyy", java.util.Locale.ROOT));
        String time = t.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT));
        return "-DDATE=\\\"" + date.replace(" ", "\\ ") + "\\\" -DTIME=\\\"" + time + "\\\"";
    }

    /**
     * The toolchain's variables, CPython's HOSTRUNNER, then the pom's own (which win). CFLAGS
     * starts with prefix maps that write the source and build directories as /cpython/src and
     * /cpython/build into debug information and __FILE__, so two project directories give the
     * same python.wasm; then what the toolchain needs for this release ({@link Fitness}); the
     * pom's CFLAGS come after them.
     */
    private Map<String, String> addedEnvironment() throws WasmBuildException {
        Map<String, String> env = new TreeMap<>(toolchain.environment());
        // The paths the compiler is given are the aliases: CFLAGS is split on spaces, so a real
        // path with one could not be named here anyway (and the alias's hash differs per
        // project, which the map hides).
        List<String> ours = new ArrayList<>(List.of("-ffile-prefix-map=" + makeLayout.buildDirectory()
                + "=/cpython/build", "-ffile-prefix-map=" + makeLayout.sourceDirectory() + "=/cpython/src"));
        ours.addAll(fitnessFlags);
        env.merge("CFLAGS", String.join(" ", ours), (toolchainFlags, plugin) -> plugin + " " + toolchainFlags);
        if (runner != null) {
            env.put("HOSTRUNNER", new HostRunners(settings.processEnvironment()).hostRunnerForConfigure(runner,
                    makeLayout));
        }
        Map<String, String> user = new TreeMap<>(settings.userEnvironment());
        String userFlags = user.remove("CFLAGS");
        env.putAll(user);
        if (userFlags != null) {
            env.put("CFLAGS", env.get("CFLAGS") + " " + userFlags);
        }
        return env;
    }

    /** The directory as configure and make see it, making its alias link when it needs one. */
    private Path alias(Path dir, Consumer<String> info) throws WasmBuildException {
        return alias(aliases, dir, info);
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

    private Map<String, String> nativeEnvironment() {
        Map<String, String> env = new TreeMap<>(settings.processEnvironment());
        env.keySet().removeAll(CROSS_ONLY);
        return env;
    }

    /** The build machine's GNU triple, from the source's own config.guess as wasm_build.py does. */
    private String buildTriple(StepLog log) throws WasmBuildException, InterruptedException {
        Path guess = source.root().resolve("config.guess");
        Command cmd = new Command(List.of("sh", guess.toString()), settings.buildDirectory(), nativeEnvironment());
        ProcessExecutor.Captured r = ProcessExecutor.capture(cmd, Duration.ofMinutes(1));
        List<String> lines = r.output().lines().toList();
        if (!r.succeeded() || lines.isEmpty()) {
            throw new WasmBuildException("cannot tell the build machine's triple: " + cmd.line() + " exited with "
                    + r.exitCode() + (r.output().isEmpty() ? "" : ": " + r.output()));
        }
        return lines.get(lines.size() - 1).trim();
    }
}
