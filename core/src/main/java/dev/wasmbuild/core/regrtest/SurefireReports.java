package dev.wasmbuild.core.regrtest;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Turns the one JUnit file regrtest writes (--junit-xml: a suite per test module, nameless,
 * with dotted test ids) into one TEST-*.xml per module in the shape Surefire writes, which
 * is what CI servers' JUnit report readers expect: suite name, classname + name per case.
 */
public final class SurefireReports {
    private SurefireReports() {
    }

    public static TestSummary convert(Path regrtestXml, Path reportsDirectory, String suitePrefix)
            throws WasmBuildException {
        Document doc = parse(regrtestXml);
        NodeList suites = doc.getDocumentElement().getElementsByTagName("testsuite");
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        List<String> failedModules = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            List<Element> cases = children(suite, "testcase");
            String module = moduleOf(cases, i);
            String suiteName = suitePrefix + module;
            int sFailures = 0;
            int sErrors = 0;
            int sSkipped = 0;
            double time = 0;
            for (Element c : cases) {
                time += parseTime(c.getAttribute("time"));
                for (Element child : children(c, null)) {
                    switch (child.getTagName()) {
                        case "failure" -> sFailures++;
                        case "error" -> sErrors++;
                        case "skipped" -> sSkipped++;
                        default -> {
                        }
                    }
                }
            }
            int suiteFailures = sFailures;
            int suiteErrors = sErrors;
            int suiteSkipped = sSkipped;
            double suiteTime = time;
            Path file = SurefireXml.write(reportsDirectory, suiteName, out -> {
                SurefireXml.suiteStart(out, suiteName, cases.size(), suiteFailures, suiteErrors, suiteSkipped, suiteTime);
                for (Element c : cases) {
                    testCase(out, c, module);
                }
            });
            files.add(file.toString());
            tests += cases.size();
            failures += sFailures;
            errors += sErrors;
            skipped += sSkipped;
            if (sFailures + sErrors > 0) {
                failedModules.add(module);
            }
        }
        return new TestSummary(tests, failures, errors, skipped, List.copyOf(failedModules), List.copyOf(files));
    }

    /** One test case as Surefire writes it: the dotted id split into classname and name. */
    private static void testCase(XMLStreamWriter out, Element c, String module) throws XMLStreamException {
        String id = c.getAttribute("name");
        int dot = id.lastIndexOf('.');
        String classname = dot > 0 ? id.substring(0, dot) : module;
        String name = dot > 0 ? id.substring(dot + 1) : id;
        List<Element> shown = new ArrayList<>();
        for (Element child : children(c, null)) {
            String text = child.getTextContent() == null ? "" : child.getTextContent();
            switch (child.getTagName()) {
                case "failure", "error", "skipped" -> shown.add(child);
                case "system-out", "system-err" -> {
                    if (!text.isBlank()) {
                        shown.add(child);
                    }
                }
                default -> {
                }
            }
        }
        out.writeCharacters("  ");
        if (shown.isEmpty()) {
            out.writeEmptyElement("testcase");
        } else {
            out.writeStartElement("testcase");
        }
        SurefireXml.attribute(out, "name", name);
        SurefireXml.attribute(out, "classname", classname);
        SurefireXml.attribute(out, "time", SurefireXml.seconds(parseTime(c.getAttribute("time"))));
        out.writeCharacters("\n");
        for (Element child : shown) {
            String tag = child.getTagName();
            String text = child.getTextContent() == null ? "" : child.getTextContent();
            out.writeCharacters("    ");
            switch (tag) {
                case "failure", "error" -> {
                    String message = child.getAttribute("message").isEmpty()
                            ? firstLine(lastLine(text)) : child.getAttribute("message");
                    out.writeStartElement(tag);
                    SurefireXml.attribute(out, "message", message);
                    SurefireXml.attribute(out, "type", child.getAttribute("type"));
                    out.writeCharacters(SurefireXml.xmlText(text));
                    out.writeEndElement();
                }
                case "skipped" -> {
                    out.writeEmptyElement(tag);
                    SurefireXml.attribute(out, "message", text.trim());
                }
                default -> {
                    out.writeStartElement(tag);
                    out.writeCharacters(SurefireXml.xmlText(text));
                    out.writeEndElement();
                }
            }
            out.writeCharacters("\n");
        }
        if (!shown.isEmpty()) {
            out.writeCharacters("  ");
            out.writeEndElement();
            out.writeCharacters("\n");
        }
    }

    /**
     * The report of a module that produced none of its own (it timed out, or crashed before
     * regrtest wrote its XML): one test case in error, with the reason and the module's last output.
     */
    public static TestSummary writeError(Path reportsDirectory, String suitePrefix, String module, String message,
            List<String> lastOutput) throws WasmBuildException {
        Path file = writeOneCase(reportsDirectory, suitePrefix + module, module, true, out -> {
            out.writeStartElement("error");
            SurefireXml.attribute(out, "message", message);
            SurefireXml.attribute(out, "type", "regrtest");
            out.writeCharacters(SurefireXml.xmlText(message));
            out.writeEndElement();
            out.writeCharacters("\n    ");
            out.writeStartElement("system-out");
            out.writeCharacters(SurefireXml.xmlText(String.join("\n", lastOutput)));
            out.writeEndElement();
        });
        return new TestSummary(1, 0, 1, 0, List.of(module), List.of(file.toString()));
    }

    /**
     * A module regrtest skipped as a whole (it raised SkipTest while loading, e.g. test_zlib
     * without zlib), for which it writes no report: one skipped case carrying regrtest's reason.
     */
    public static TestSummary writeSkipped(Path reportsDirectory, String suitePrefix, String module, String reason)
            throws WasmBuildException {
        Path file = writeOneCase(reportsDirectory, suitePrefix + module, module, false, out -> {
            out.writeEmptyElement("skipped");
            SurefireXml.attribute(out, "message", reason);
        });
        return new TestSummary(1, 0, 0, 1, List.of(), List.of(file.toString()));
    }

    /** What a case holds besides its attributes. */
    private interface CaseBody {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    /** A suite of one case named after the module, in error or skipped, whose content {@code body} writes. */
    private static Path writeOneCase(Path reportsDirectory, String suiteName, String module, boolean error,
            CaseBody body) throws WasmBuildException {
        return SurefireXml.write(reportsDirectory, suiteName, out -> {
            SurefireXml.suiteStart(out, suiteName, 1, 0, error ? 1 : 0, error ? 0 : 1, 0);
            out.writeCharacters("  ");
            out.writeStartElement("testcase");
            SurefireXml.attribute(out, "name", module);
            SurefireXml.attribute(out, "classname", module);
            SurefireXml.attribute(out, "time", SurefireXml.seconds(0));
            out.writeCharacters("\n    ");
            body.write(out);
            out.writeCharacters("\n  ");
            out.writeEndElement();
            out.writeCharacters("\n");
        });
    }

    /** regrtest suites carry no name; the module is the common "test.test_x" prefix of their cases. */
    static String moduleOf(List<Element> cases, int index) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Element c : cases) {
            String[] parts = c.getAttribute("name").split("\\.");
            if (parts.length >= 3 && parts[0].equals("test")) {
                counts.merge(parts[0] + "." + parts[1], 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("suite" + (index + 1));
    }

    private static Document parse(Path file) throws WasmBuildException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            return b.parse(in);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot read regrtest's report " + file, Setting.OUTPUT_DIRECTORY, e);
        } catch (Exception e) {
            // Not a file-system error: the XML itself is broken, and the parser says where.
            throw new WasmBuildException("cannot read regrtest's report " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
                out.add(e);
            }
        }
        return out;
    }

    private static double parseTime(String s) {
        try {
            return s.isEmpty() ? 0 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
