package dev.wasmbuild.core.regrtest;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.run.RunnerKind;
import dev.wasmbuild.core.process.ProcessExecutor;
import dev.wasmbuild.core.process.StepLog;
import dev.wasmbuild.core.run.GuestRun;
import dev.wasmbuild.core.source.CPythonSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPython's regression tests on a finished build, one test module per interpreter run. Each
 * module has a wall-clock limit that the plugin enforces itself (regrtest's own --timeout needs
 * threads, which WASI lacks): a module that hangs is stopped, reported as an error with its last
 * output, and the run goes on with the next one.
 */
public final class RegressionTests {
    private static final Pattern MODULE = Pattern.compile("test_?[A-Za-z0-9_]*");
    private static final Duration LISTING_TIMEOUT = Duration.ofMinutes(5);

    /**
     * @param tests the modules to run; all that regrtest lists when empty
     * @param ignore regrtest --ignore patterns
     * @param moduleTimeout each module's limit, or null for none
     */
    public record Settings(List<String> tests, List<String> ignore, Duration moduleTimeout, Path reportsDirectory) {
    }

    /** What the run amounted to, and what went wrong beyond test failures (exit statuses). */
    public record Outcome(TestSummary summary, List<String> problems, Path reportsDirectory) {
        public boolean passed() {
            return summary.passed() && problems.isEmpty();
        }

        /** The line that closes a run: the counts and where the reports are. */
        public String describe() {
            return summary.describe() + "; reports in " + reportsDirectory;
        }

        /** Why the run did not pass: the failed modules, or the problems when every test passed. */
        public String failure() {
            return summary.passed() ? String.join("; ", problems)
                    : "There are test failures in " + String.join(", ", summary.failedModules()) + " ("
                    + summary.describe() + "); see " + reportsDirectory;
        }
    }

    /** The line that opens a run: which modules, which build, which runner. */
    public String describeStart(Settings settings) {
        return "Running CPython's regression tests (" + (settings.tests().isEmpty() ? "all"
                : String.join(", ", settings.tests())) + ") on the " + layout.target() + " build with "
                + runner.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private final GuestRun runner;
    private final BuildLayout layout;
    private final StepLog log;

    public RegressionTests(GuestRun runner, BuildLayout layout, StepLog log) {
        this.runner = runner;
        this.layout = layout;
        this.log = log;
    }

    /**
     * wasm:test up to its first write, in an order that leaves nothing behind when it is refused:
     * the runner is checked (it must exist and suit the target), then that there is a build, and
     * only then does the source go on disk (an archive is unpacked). {@link #run} makes the
     * scratch and reports directories after that.
     *
     * @param source the checked source, possibly still in its archive
     */
    public static RegressionTests prepare(Target target, CPythonSource source, Path buildDirectory,
            RunnerKind requested, Map<String, String> environment, StepLog log)
            throws ConfigurationException, WasmBuildException, InterruptedException {
        // The runner is checked first (a missing node or wasmtime), then the build, then the source unpacked.
        BuildLayout layout = BuildLayout.of(target, source, buildDirectory);
        GuestRun python = GuestRun.of(layout, requested, environment);
        layout.finished(source);
        return new RegressionTests(python, layout, log);
    }

    /** The runner the modules run under, auto resolved. */
    public RunnerKind runnerKind() {
        return runner.kind();
    }

    /** Checks the settings before anything runs or is written. */
    public static Settings validated(List<String> tests, List<String> ignore, int timeoutSeconds, Path reports)
            throws ConfigurationException {
        for (String t : tests) {
            if (!MODULE.matcher(t).matches()) {
                throw new ConfigurationException(Setting.TESTS, "'" + t + "' is not a regression test module name"
                        + " (test_os, test_json, …)");
            }
        }
        if (timeoutSeconds < 0) {
            throw new ConfigurationException(Setting.TEST_TIMEOUT, timeoutSeconds + " is not a number of seconds; use 1 or"
                    + " more, or 0 for no limit");
        }
        return new Settings(List.copyOf(tests), List.copyOf(ignore),
                timeoutSeconds == 0 ? null : Duration.ofSeconds(timeoutSeconds), reports);
    }

    public Outcome run(Settings settings) throws WasmBuildException, InterruptedException {
        layout.requireBuilt();
        Path scratch = layout.buildDirectory().resolve("tmp");
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot create " + scratch, Setting.OUTPUT_DIRECTORY, e);
        }
        try {
            Files.createDirectories(settings.reportsDirectory());
        } catch (IOException e) {
            throw WasmBuildException.io("cannot create " + settings.reportsDirectory(), Setting.REPORTS_DIRECTORY, e);
        }
        List<String> modules = settings.tests().isEmpty() ? listModules(settings, scratch) : settings.tests();
        String prefix = "cpython." + layout.target() + ".";
        TestSummary summary = TestSummary.NONE;
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (String module : modules) {
            n++;
            Path hostXml = scratch.resolve("regrtest-" + module + ".xml");
            Path logFile = scratch.resolve("regrtest-" + module + ".log");
            try {
                Files.deleteIfExists(hostXml);
            } catch (IOException e) {
                throw WasmBuildException.io("cannot remove the old report " + hostXml, Setting.OUTPUT_DIRECTORY, e);
            }
            List<String> args = new ArrayList<>(List.of("-m", "test", "--junit-xml", guestPath(hostXml)));
            for (String pattern : settings.ignore()) {
                args.add("--ignore");
                args.add(pattern);
            }
            args.add(module);
            log.info().accept("[" + n + "/" + modules.size() + "] " + module + ": " + runner.describe(
                    layout.buildDirectory(), args));
            ProcessExecutor.Streamed r = runner.stream(layout.buildDirectory(), args, log.output(), logFile,
                    settings.moduleTimeout());
            TestSummary result;
            if (r.timedOut()) {
                String message = module + " did not finish within " + settings.moduleTimeout().toSeconds()
                        + " s and was stopped (the per-module limit, testTimeout); its output is in " + logFile;
                log.warn().accept(message);
                result = SurefireReports.writeError(settings.reportsDirectory(), prefix, "test." + module, message, r.tail());
            } else if (!Files.isRegularFile(hostXml) && r.exitCode() == 0
                    && wholeModuleSkip(module, r.tail()).isPresent()) {
                // regrtest writes no report for a module it skips as a whole: a skip, not an error.
                result = SurefireReports.writeSkipped(settings.reportsDirectory(), prefix, "test." + module,
                        wholeModuleSkip(module, r.tail()).get());
            } else if (!Files.isRegularFile(hostXml)) {
                String message = module + ": regrtest exited with status " + r.exitCode() + " and wrote no report;"
                        + " output in " + logFile;
                log.warn().accept(message);
                result = SurefireReports.writeError(settings.reportsDirectory(), prefix, "test." + module, message, r.tail());
            } else {
                result = SurefireReports.convert(hostXml, settings.reportsDirectory(), prefix);
                if (result.passed() && r.exitCode() != 0) {
                    if (crashedAfterSuccess(runner.kind(), r.exitCode(), r.tail())) {
                        log.warn().accept(module + ": node crashed (status " + r.exitCode() + ") after regrtest had"
                                + " reported SUCCESS and written its report; node 20 sometimes crashes while exiting"
                                + " after long WASI runs, so the module's result stands (output in " + logFile + ")");
                    } else {
                        problems.add(module + ": regrtest exited with status " + r.exitCode() + " (see " + logFile
                                + ")");
                    }
                }
            }
            log.info().accept("[" + n + "/" + modules.size() + "] " + module + ": " + result.describe());
            summary = summary.plus(result);
        }
        return new Outcome(summary, List.copyOf(problems), settings.reportsDirectory());
    }

    /**
     * regrtest's reason when it skipped {@code module} as a whole: its line
     * {@code "test_zlib skipped -- No module named 'zlib'"} (after a time and counter on some
     * releases); empty when the output has no such line.
     */
    static Optional<String> wholeModuleSkip(String module, List<String> output) {
        Pattern line = Pattern.compile("(?:^|\\s)" + Pattern.quote(module) + " skipped -- (.+)$");
        for (String text : output) {
            Matcher m = line.matcher(text.strip());
            if (m.find()) {
                return Optional.of(m.group(1).strip());
            }
        }
        return Optional.empty();
    }

    /**
     * node 20 (Debian 13's 20.19 too, despite --single-threaded) now and then dies of SIGSEGV or
     * SIGABRT while tearing down after a long WASI run. When regrtest had already said SUCCESS as
     * its last word and written its report, that crash says nothing about the tests.
     */
    static boolean crashedAfterSuccess(RunnerKind kind, int exitCode, List<String> tail) {
        if (kind != RunnerKind.NODE || (exitCode != 128 + 11 && exitCode != 128 + 6)) {
            return false;
        }
        for (int i = tail.size() - 1; i >= 0; i--) {
            String line = tail.get(i).trim();
            if (!line.isEmpty()) {
                return line.equals("Tests result: SUCCESS");
            }
        }
        return false;
    }

    /** regrtest --list-tests with the same --ignore patterns: the modules a full run would take. */
    private List<String> listModules(Settings settings, Path scratch) throws WasmBuildException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-m", "test", "--list-tests"));
        for (String pattern : settings.ignore()) {
            args.add("--ignore");
            args.add(pattern);
        }
        List<String> modules = new ArrayList<>();
        ProcessExecutor.Streamed r = runner.stream(layout.buildDirectory(), args, line -> {
            if (MODULE.matcher(line.trim()).matches()) {
                synchronized (modules) {
                    modules.add(line.trim());
                }
            }
        }, scratch.resolve("regrtest-list.log"), LISTING_TIMEOUT);
        if (r.timedOut() || r.exitCode() != 0 || modules.isEmpty()) {
            throw new WasmBuildException("cannot list the regression tests (python " + String.join(" ", args)
                    + " exited with status " + r.exitCode() + (r.timedOut() ? ", timed out" : "") + "):\n  "
                    + String.join("\n  ", r.tail()));
        }
        log.info().accept("Running all " + modules.size() + " regression test modules, one at a time");
        return modules;
    }

    /** WASI sees the build's tmp directory as /tmp; Emscripten on node sees the host's paths. */
    private String guestPath(Path hostXml) {
        return layout.target() == Target.WASI ? "/tmp/" + hostXml.getFileName() : hostXml.toString();
    }
}
