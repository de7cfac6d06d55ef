package dev.wasmbuild.core.regrtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurefireReportsTest {
    @TempDir
    Path dir;

    /** The shape regrtest 3.11 writes with --junit-xml, trimmed to a few cases. */
    private static final String REGRTEST = """
            <testsuites tests="5" errors="0" failures="1">
            <testsuite start="2026-11-24 14:23:55" tests="3" errors="0" failures="0">
            <testcase name="json" status="run" result="completed" time="0.004" />
            <testcase name="test.test_json.TestPyTest.test_pyjson" status="run" result="completed" time="0.5" />
            <testcase name="test.test_json.test_x.T.test_big" status="run" result="completed" time="0.1"><skipped>not enough memory</skipped></testcase>
            </testsuite>
            <testsuite start="2026-11-24 14:23:57" tests="2" errors="0" failures="1">
            <testcase name="test.test_os.UtimeTests.test_utime" status="run" result="completed" time="0.002"><system-out /><system-err /><failure>Traceback (most recent call last):
              File "x.py", line 1
            AssertionError: 1.0 != 1.002 &amp; &lt;more&gt;</failure></testcase>
            <testcase name="test.test_os.StatTests.test_stat" status="run" result="completed" time="0.001" />
            </testsuite>
            </testsuites>
            """;

    @Test
    void oneReportPerModuleInSurefireShape() throws Exception {
        Path xml = dir.resolve("junit.xml");
        Files.writeString(xml, REGRTEST);
        TestSummary s = SurefireReports.convert(xml, dir.resolve("reports"), "cpython.wasi.");
        assertEquals(5, s.tests());
        assertEquals(1, s.failures());
        assertEquals(1, s.skipped());
        assertEquals(List.of("test.test_os"), s.failedModules());
        String json = Files.readString(dir.resolve("reports/TEST-cpython.wasi.test.test_json.xml"));
        assertTrue(json.contains("<testsuite name=\"cpython.wasi.test.test_json\" tests=\"3\" failures=\"0\" errors=\"0\" skipped=\"1\""), json);
        assertTrue(json.contains("<testcase name=\"test_pyjson\" classname=\"test.test_json.TestPyTest\" time=\"0.500\"/>"), json);
        assertTrue(json.contains("<skipped message=\"not enough memory\"/>"), json);
        String os = Files.readString(dir.resolve("reports/TEST-cpython.wasi.test.test_os.xml"));
        assertTrue(os.contains("<failure message=\"AssertionError: 1.0 != 1.002 &amp; &lt;more&gt;\""), os);
    }

    /**
     * Names and messages with XML's special characters come out escaped, and control characters
     * XML 1.0 cannot carry come out as '?', so a report reader can parse every file written.
     */
    @Test
    void specialAndControlCharactersKeepTheReportReadable() throws Exception {
        Path xml = dir.resolve("junit.xml");
        Files.writeString(xml, """
                <testsuites>
                <testsuite>
                <testcase name="test.test_x.T.test_&lt;&amp;&quot;" time="0.25"><failure message="bad &lt;&amp;&quot;">trace</failure></testcase>
                </testsuite>
                </testsuites>
                """);
        SurefireReports.convert(xml, dir.resolve("reports"), "p.");
        String report = Files.readString(dir.resolve("reports/TEST-p.test.test_x.xml"));
        assertTrue(report.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"p.test.test_x\""
                + " tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0.250\">\n"), report);
        assertTrue(report.contains("  <testcase name=\"test_&lt;&amp;&quot;\" classname=\"test.test_x.T\""
                + " time=\"0.250\">\n    <failure message=\"bad &lt;&amp;&quot;\" type=\"\">trace</failure>\n"
                + "  </testcase>\n</testsuite>\n"), report);

        Path reports = dir.resolve("errors");
        SurefireReports.writeError(reports, "p.", "test.test_<&\"", "timed out \u0001 <here>",
                List.of("line \u0007 one", "a & b"));
        String error = Files.readString(reports.resolve("TEST-p.test.test_<&\".xml"));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"p.test.test_&lt;&amp;&quot;\" tests=\"1\" failures=\"0\" errors=\"1\""
                + " skipped=\"0\" time=\"0.000\">\n"
                + "  <testcase name=\"test.test_&lt;&amp;&quot;\" classname=\"test.test_&lt;&amp;&quot;\" time=\"0.000\">\n"
                + "    <error message=\"timed out ? &lt;here&gt;\" type=\"regrtest\">timed out ? &lt;here&gt;</error>\n"
                + "    <system-out>line ? one\na &amp; b</system-out>\n"
                + "  </testcase>\n</testsuite>\n", error);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                reports.resolve("TEST-p.test.test_<&\".xml").toFile());
    }
}
