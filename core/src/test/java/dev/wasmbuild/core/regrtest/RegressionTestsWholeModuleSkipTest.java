package dev.wasmbuild.core.regrtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.process.StepLog;
import dev.wasmbuild.core.run.GuestRun;
import dev.wasmbuild.core.run.RunnerKind;
import dev.wasmbuild.core.testsupport.ToolchainAssumptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A module regrtest skips as a whole (test_zlib in a build without zlib) writes no JUnit report and
 * exits 0: it is reported as skipped with regrtest's reason, not as an error.
 */
class RegressionTestsWholeModuleSkipTest {
    /** What CPython 3.13.5's regrtest printed for test_zlib in a wasi build without zlib. */
    static final List<String> OUTPUT = List.of("Using random seed: 4054792081",
            "0:00:00 Run 1 test sequentially in a single process", "0:00:00 [1/1] test_zlib",
            "test_zlib skipped -- No module named 'zlib'", "0:00:00 [1/1] test_zlib skipped", "",
            "== Tests result: SUCCESS ==", "", "1 test skipped:", "    test_zlib", "",
            "Total duration: 363 ms", "Total tests: run=0", "Total test files: run=1/1 skipped=1", "Result: SUCCESS");

    @TempDir
    Path dir;

    @Test
    void regrtestsSkipLineGivesTheReason() {
        assertEquals(Optional.of("No module named 'zlib'"), RegressionTests.wholeModuleSkip("test_zlib", OUTPUT));
        assertEquals(Optional.of("No module named 'zlib'"), RegressionTests.wholeModuleSkip("test_zlib",
                List.of("0:00:01 load avg: 0.50 [1/1] test_zlib skipped -- No module named 'zlib'")));
        assertEquals(Optional.empty(), RegressionTests.wholeModuleSkip("test_zlib", List.of("test_zlib passed")));
        assertEquals(Optional.empty(), RegressionTests.wholeModuleSkip("test_zlib",
                List.of("test_zlibx skipped -- other")), "another module's line");
    }

    @Test
    void aWholeModuleSkipIsReportedAsSkipped() throws Exception {
        ToolchainAssumptions.assumeNode();
        Path build = Files.createDirectories(dir.resolve("emscripten-node"));
        StringBuilder js = new StringBuilder();
        for (String line : OUTPUT) {
            js.append("console.log(").append(jsString(line)).append(");\n");
        }
        Files.writeString(build.resolve("python.js"), js);
        BuildLayout layout = new BuildLayout(Target.EMSCRIPTEN_NODE, new PythonVersion(3, 13), dir.resolve("src"),
                build);
        Path reports = dir.resolve("reports");
        RegressionTests.Outcome outcome = new RegressionTests(GuestRun.of(layout, RunnerKind.NODE, System.getenv()),
                layout, new StepLog(line -> { }, line -> { }, line -> { }))
                .run(RegressionTests.validated(List.of("test_zlib"), List.of(), 60, reports));

        Path report = reports.resolve("TEST-cpython.emscripten-node.test.test_zlib.xml");
        assertEquals(new TestSummary(1, 0, 0, 1, List.of(), List.of(report.toString())), outcome.summary());
        assertTrue(outcome.summary().passed(), "a skip is not a failure");
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                .getDocumentElement();
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("No module named 'zlib'",
                ((Element) suite.getElementsByTagName("skipped").item(0)).getAttribute("message"));
    }

    private static String jsString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
