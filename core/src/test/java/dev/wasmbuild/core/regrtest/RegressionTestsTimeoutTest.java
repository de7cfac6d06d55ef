package dev.wasmbuild.core.regrtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.run.RunnerKind;
import dev.wasmbuild.core.process.StepLog;
import dev.wasmbuild.core.run.GuestRun;
import dev.wasmbuild.core.testsupport.ToolchainAssumptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A module that hangs is stopped at its limit and reported as an error whose system-out holds
 * what it printed last, so the report shows where it hung. The "interpreter" is a python.js
 * that node runs as it would run an emscripten-node build: it prints two lines and never ends.
 */
class RegressionTestsTimeoutTest {
    @TempDir
    Path dir;

    @Test
    void aTimedOutModulesLastOutputReachesItsReport() throws Exception {
        ToolchainAssumptions.assumeNode();
        Path build = Files.createDirectories(dir.resolve("emscripten-node"));
        Files.writeString(build.resolve("python.js"), "console.log('test_hang: started');\n"
                + "console.log('test_hang: last words before the hang');\n"
                + "setInterval(() => { }, 1000);\n");
        BuildLayout layout = new BuildLayout(Target.EMSCRIPTEN_NODE, new PythonVersion(3, 11), dir.resolve("src"),
                build);
        List<String> warnings = new CopyOnWriteArrayList<>();
        StepLog log = new StepLog(line -> { }, warnings::add, line -> { });
        Path reports = dir.resolve("reports");
        // 5 s, not 1: on a loaded machine node alone can take over a second to print its first
        // line, and the test is about what was printed before the stop.
        RegressionTests.Outcome outcome = new RegressionTests(GuestRun.of(layout, RunnerKind.NODE, System.getenv()),
                layout, log).run(RegressionTests.validated(List.of("test_hang"), List.of(), 5, reports));

        assertEquals(new TestSummary(1, 0, 1, 0, List.of("test.test_hang"),
                List.of(reports.resolve("TEST-cpython.emscripten-node.test.test_hang.xml").toString())),
                outcome.summary(), "one module, in error");
        assertTrue(warnings.get(0).startsWith("test_hang did not finish within 5 s and was stopped"
                + " (the per-module limit, testTimeout)"), warnings.toString());
        Path report = reports.resolve("TEST-cpython.emscripten-node.test.test_hang.xml");
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                .getDocumentElement();
        assertEquals("1", suite.getAttribute("errors"));
        String error = ((Element) suite.getElementsByTagName("error").item(0)).getAttribute("message");
        assertTrue(error.startsWith("test_hang did not finish within 5 s"), error);
        assertEquals("test_hang: started\ntest_hang: last words before the hang",
                suite.getElementsByTagName("system-out").item(0).getTextContent());
    }
}
