package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.regrtest.SurefireReports;
import dev.wasmbuild.core.regrtest.TestSummary;
import dev.wasmbuild.core.launch.BuildLayout;
import dev.wasmbuild.core.run.ChicoryRunner;
import dev.wasmbuild.core.process.ForegroundProcess;
import dev.wasmbuild.core.process.RunCommand;
import dev.wasmbuild.core.launch.RunnerKind;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Runs CPython's regression tests on the built interpreter and writes Surefire-style reports. */
@Mojo(name = "test", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class TestMojo extends AbstractTargetMojo {

    /** Test modules to run (test_os, test_json, …); all of them when empty. */
    @Parameter(property = "wasm.tests")
    private List<String> tests;

    /** regrtest --ignore patterns: tests known not to work on the chosen runner. */
    @Parameter(property = "wasm.ignoreTests")
    private List<String> ignoreTests;

    /** Report failures but do not fail the build. */
    @Parameter(property = "wasm.testFailureIgnore", defaultValue = "false")
    private boolean testFailureIgnore;

    /** The usual Maven switch for skipping tests. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** Skips only this goal. */
    @Parameter(property = "wasm.test.skip", defaultValue = "false")
    private boolean skipWasmTests;

    /** Where the TEST-*.xml reports go. */
    @Parameter(property = "wasm.reportsDirectory", defaultValue = "${project.build.directory}/surefire-reports")
    private File reportsDirectory;

    @Override
    protected String skipReason() {
        return skipTests ? "skipTests is set" : skipWasmTests ? "wasm.test.skip is set" : null;
    }

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        RunnerKind kind = runnerKind();
        BuildLayout layout = layout();
        Path hostXml = layout.buildDirectory().resolve("tmp").resolve("regrtest-junit.xml");
        String xmlSeenByPython = layout.target() == Target.WASI ? "/tmp/regrtest-junit.xml" : hostXml.toString();
        List<String> args = new ArrayList<>(List.of("-m", "test", "--junit-xml", xmlSeenByPython));
        for (String pattern : clean(ignoreTests)) {
            args.add("--ignore");
            args.add(pattern);
        }
        args.addAll(clean(tests));
        try {
            Files.createDirectories(hostXml.getParent());
            Files.deleteIfExists(hostXml);
        } catch (IOException e) {
            throw new WasmBuildException("cannot prepare " + hostXml + ": " + e.getMessage(), e);
        }
        String which = tests == null || tests.isEmpty() ? "all" : String.join(", ", clean(tests));
        String how;
        int status;
        if (kind == RunnerKind.CHICORY) {
            how = "python " + String.join(" ", args) + " (runner chicory, in Maven's JVM)";
            getLog().info("Running CPython's regression tests (" + which + ") on the " + target() + " build: " + how);
            status = ChicoryRunner.run(layout, layout.buildDirectory(), args, System.in, System.out, System.err);
        } else {
            RunCommand command = hostRunners().command(kind, layout, layout.buildDirectory(), args);
            how = String.join(" ", command.command());
            getLog().info("Running CPython's regression tests (" + which + ") on the " + target() + " build: " + how);
            status = ForegroundProcess.run(command, processEnvironment());
        }
        if (!Files.isRegularFile(hostXml)) {
            throw new WasmBuildException("regrtest exited with status " + status + " and wrote no report ("
                    + hostXml + "); command: " + how);
        }
        TestSummary summary = SurefireReports.convert(hostXml, reportsDirectory.toPath(), "cpython." + target() + ".");
        getLog().info(summary.describe() + "; reports in " + reportsDirectory);
        boolean failed = !summary.passed() || status != 0;
        if (failed) {
            String what = summary.passed() ? "regrtest exited with status " + status
                    : "There are test failures in " + String.join(", ", summary.failedModules()) + " ("
                    + summary.describe() + "); see " + reportsDirectory;
            if (testFailureIgnore) {
                getLog().warn(what + " (ignored: wasm.testFailureIgnore is set)");
            } else {
                throw new WasmBuildException(what);
            }
        }
    }

    private static List<String> clean(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(v.trim());
                }
            }
        }
        return out;
    }
}
