package dev.wasmbuild.core.crossbuild;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.configure.ConfigureArguments;
import dev.wasmbuild.core.io.PathAliases;
import dev.wasmbuild.core.process.StepLog;
import dev.wasmbuild.core.run.HostRunners;
import dev.wasmbuild.core.run.RunnerKind;
import dev.wasmbuild.core.site.ConfigSiteGenerator;
import dev.wasmbuild.core.site.SitePlan;
import dev.wasmbuild.core.site.SiteRequest;
import dev.wasmbuild.core.source.CPythonSource;
import dev.wasmbuild.core.source.SourceTreeCheck;
import dev.wasmbuild.core.toolchain.Fitness;
import dev.wasmbuild.core.toolchain.Toolchain;
import dev.wasmbuild.core.toolchain.ToolchainException;
import dev.wasmbuild.core.toolchain.Toolchains;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a cross build will run and why, decided once before anything runs: the checked
 * settings, the site file's plan with the toolchain's findings in it, the toolchain, the host
 * runner CPython's make gets, what the toolchain needs in CFLAGS for this release, and where
 * everything is (as the JVM sees it and as configure and make see it).
 *
 * @param userArguments the pom's configureArguments, checked
 * @param compilerFlags what the toolchain needs in CFLAGS for this CPython release ({@link Fitness})
 * @param runner the runner for HOSTRUNNER; null for the browser, which make runs nothing of
 */
public record BuildPlan(BuildRequest request, Target target, CPythonSource source, Toolchain toolchain,
        SitePlan site, RunnerKind runner, List<String> userArguments, List<String> compilerFlags,
        BuildLayout layout, PathAliases aliases) {

    /** Finds the toolchain for a target; the discovery on this machine, or a stand-in in tests. */
    @FunctionalInterface
    interface ToolchainFinder {
        Toolchain find(Target target, BuildRequest request) throws ToolchainException, ConfigurationException;

        ToolchainFinder ON_THIS_MACHINE = (target, s) -> Toolchains.discover(target.platform(),
                s.host().processEnvironment(), s.host().toolCache(), s.options().portSources(), s.options().compilerLauncher());
    }

    public BuildPlan {
        userArguments = List.copyOf(userArguments);
        compilerFlags = List.copyOf(compilerFlags);
    }

    /**
     * Checks every input and finds the toolchain without starting a build step or writing
     * anything (the site file is rendered, not written, so template errors show now).
     */
    static BuildPlan make(BuildRequest s, ConfigSiteGenerator generator,
            ToolchainFinder finder, StepLog log) throws ConfigurationException, WasmBuildException {
        SiteRequest request = s.site();
        Target target = request.target();
        CPythonSource source = request.source();
        // A pending archive's tree does not exist yet; once unpacked it is as clean as the release.
        SourceTreeCheck.requireClean(source.root(), source.element());
        List<String> userArguments = ConfigureArguments.validate(target, s.options());
        if (s.options().jobs() < 1) {
            throw new ConfigurationException(Setting.JOBS, s.options().jobs() + " is not a number of make jobs; use 1 or more"
                    + " (or 0 for one per processor)");
        }
        // The user's switches are checked first, so their mistakes are reported before toolchain trouble.
        SitePlan requested = generator.plan(request);
        Toolchain toolchain = finder.find(target, s);
        RunnerKind runner = target == Target.EMSCRIPTEN_BROWSER ? null
                : new HostRunners(s.host().processEnvironment()).resolve(s.host().runner(), target);
        if (runner == RunnerKind.CHICORY) {
            // make cannot call into Maven's JVM; CPython's own make targets get node instead.
            runner = RunnerKind.NODE;
        }
        log.info().accept("Toolchain: " + toolchain.name());
        Fitness fitness = toolchain.fitnessFor(requested.release());
        if (fitness.verdict() == Fitness.Verdict.REFUSED) {
            throw new ToolchainException(toolchain.name() + " cannot build CPython " + source.version() + ": "
                    + String.join(" ", fitness.refusals()));
        }
        fitness.warnings().forEach(log.warn());
        requireZlibInTheBrowser(target, requested.disabledModules(), toolchain.unavailableModules());
        toolchain.unavailableModules().forEach((module, why) -> {
            if (!requested.disabledModules().contains(module)) {
                log.warn().accept("Turning module " + module + " off: " + why);
            }
        });
        // The toolchain's answers go in as cache variables; the pom's own win.
        SitePlan site = requested.withToolchain(toolchain.unavailableModules().keySet(), fitness.siteAnswers());
        // Rendering now finds template errors before anything is built.
        generator.render(site);
        return new BuildPlan(s, target, source, toolchain, site, runner, userArguments, fitness.compilerFlags(),
                new BuildLayout(target, source.version(), source.root(), s.buildDirectory()), aliases(s));
    }

    /** The same directories as configure and make see them: plain aliases where a real path has a space. */
    public BuildLayout makeLayout() {
        return new BuildLayout(layout.target(), layout.version(), aliases.aliasFor(layout.sourceDirectory()),
                aliases.aliasFor(layout.buildDirectory()));
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
    static PathAliases aliases(BuildRequest s) throws ConfigurationException {
        PathAliases aliases = new PathAliases(s.host().toolCache().resolve("paths"));
        if (!PathAliases.isPlain(s.host().toolCache())) {
            throw new ConfigurationException(Setting.TOOL_CACHE, s.host().toolCache() + " contains " + PathAliases.offending(
                    s.host().toolCache()) + ": paths inside the tool cache (the build Python, the WASI sysroot, the"
                    + " plain aliases of project directories) are written into CPython's Makefile and compiler"
                    + " command lines, which make splits on spaces and hands to the shell; set " + Setting.TOOL_CACHE + " to a"
                    + " path made only of letters, digits and _ . + , @ = ~ / -");
        }
        return aliases;
    }
}
