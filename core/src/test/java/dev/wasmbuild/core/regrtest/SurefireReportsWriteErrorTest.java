package dev.wasmbuild.core.regrtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.WasmBuildException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The report of a module that wrote none itself (timed out, crashed): one case in error. */
class SurefireReportsWriteErrorTest {
    @TempDir
    Path dir;

    @Test
    void writesOneErroredCaseWithTheReasonAndTheLastOutput() throws Exception {
        TestSummary s = SurefireReports.writeError(dir, "cpython.wasi.", "test.test_os",
                "test_os did not finish within 900 s & was stopped", List.of("line <1>", "bell\u0007 \"quoted\""));
        Path file = dir.resolve("TEST-cpython.wasi.test.test_os.xml");
        assertEquals(new TestSummary(1, 0, 1, 0, List.of("test.test_os"), List.of(file.toString())), s);
        // Parsing proves the escaping: &, <, quotes and control characters would break the XML.
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = doc.getDocumentElement();
        assertEquals("cpython.wasi.test.test_os", suite.getAttribute("name"));
        assertEquals("1", suite.getAttribute("errors"));
        Element error = (Element) suite.getElementsByTagName("error").item(0);
        assertEquals("test_os did not finish within 900 s & was stopped", error.getAttribute("message"));
        assertEquals("line <1>\nbell? \"quoted\"",
                suite.getElementsByTagName("system-out").item(0).getTextContent());
        Element testcase = (Element) suite.getElementsByTagName("testcase").item(0);
        assertEquals("test.test_os", testcase.getAttribute("classname"));
    }

    @Test
    void replacesAnEarlierReportOfTheSameModule() throws Exception {
        SurefireReports.writeError(dir, "p.", "test.test_x", "first", List.of());
        SurefireReports.writeError(dir, "p.", "test.test_x", "second", List.of());
        String xml = Files.readString(dir.resolve("TEST-p.test.test_x.xml"));
        assertTrue(xml.contains("second") && !xml.contains("first"), xml);
    }

    @Test
    void aReportThatCannotBeWrittenNamesReportsDirectoryAndTheCause() throws Exception {
        // A regular file where the reports directory should be stops root too.
        Path reports = Files.writeString(dir.resolve("reports"), "a file, not a directory");
        Path file = reports.resolve("TEST-p.test.test_x.xml");
        WasmBuildException e = assertThrows(WasmBuildException.class,
                () -> SurefireReports.writeError(reports, "p.", "test.test_x", "timed out", List.of()));
        assertEquals("cannot write " + file + " ({reportsDirectory}): already exists (FileAlreadyExistsException: "
                + reports + ")", e.getMessage());
    }
}
