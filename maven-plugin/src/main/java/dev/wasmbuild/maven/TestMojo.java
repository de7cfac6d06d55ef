package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.regrtest.RegressionTests;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs CPython's regression tests on the built interpreter, one test module at a time, and
 * writes {@code TEST-cpython.<target>.<module>.xml} reports in Surefire's layout.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class TestMojo extends AbstractToolMojo {

    /**
     * Regression test modules to run, each in an interpreter run of its own: names such as
     * {@code test_os} or {@code test_json} (anything else is refused). Comma-separated as a property
     * ({@code -Dwasm.tests=test_os,test_json}). Default: every module regrtest lists (listing them
     * has a fixed limit of five minutes).
     */
    @Parameter(property = "wasm.tests")
    private List<String> tests;

    /**
     * regrtest {@code --ignore} patterns, for tests the runner cannot pass (node's WASI, for one,
     * keeps file times to the second). Default: none.
     * <pre>{@code
     * <ignoreTests>
     *   <ignoreTest>*.UtimeTests.*</ignoreTest>
     * </ignoreTests>
     * }</pre>
     */
    @Parameter(property = "wasm.ignoreTests")
    private List<String> ignoreTests;

    /**
     * Each module's wall-clock limit in seconds: 1 or more, or 0 for no limit; negative values
     * are refused. A module still running then is stopped (its process tree killed; under Chicory
     * its thread interrupted), reported as an error with its last lines of output, and the next
     * module runs. regrtest's own {@code --timeout} needs threads, which WASI lacks. Default: 900.
     */
    @Parameter(property = "wasm.testTimeout", defaultValue = "900")
    private int testTimeout;

    /** Reports test failures without failing the build. Default: false. */
    @Parameter(property = "wasm.testFailureIgnore", defaultValue = "false")
    private boolean testFailureIgnore;

    /** Maven's usual switch for skipping tests ({@code -DskipTests}). Default: false. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** Skips only this goal. Default: false. */
    @Parameter(property = "wasm.test.skip", defaultValue = "false")
    private boolean skipWasmTests;

    /**
     * Where the {@code TEST-cpython.<target>.<module>.xml} reports go, created only once the
     * settings and the build have been checked. Default: <code>${project.build.directory}/surefire-reports</code>.
     */
    @Parameter(property = "wasm.reportsDirectory", defaultValue = "${project.build.directory}/surefire-reports")
    private File reportsDirectory;

    @Override
    protected String skipReason() {
        return skipTests ? "skipTests is set" : skipWasmTests ? "wasm.test.skip is set" : null;
    }

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        RegressionTests.Settings settings = RegressionTests.validated(clean(tests), clean(ignoreTests), testTimeout,
                absolute(reportsDirectory));
        // Nothing is unpacked or created before the core has found the runner and the build.
        RegressionTests regrtest = RegressionTests.prepare(target(), checkedSource(), buildDirectory(),
                tools().runner(), tools().processEnvironment(), stepLog());
        info(regrtest.describeStart(settings));
        RegressionTests.Outcome outcome = regrtest.run(settings);
        info(outcome.describe());
        if (!outcome.passed()) {
            String what = outcome.failure();
            if (testFailureIgnore) {
                warn(what + " (ignored: wasm.testFailureIgnore is set)");
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
