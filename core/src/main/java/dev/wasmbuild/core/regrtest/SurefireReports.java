package dev.wasmbuild.core.regrtest;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
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
            StringBuilder body = new StringBuilder();
            int sFailures = 0;
            int sErrors = 0;
            int sSkipped = 0;
            double time = 0;
            for (Element c : cases) {
                String id = c.getAttribute("name");
                int dot = id.lastIndexOf('.');
                String classname = dot > 0 ? id.substring(0, dot) : module;
                String name = dot > 0 ? id.substring(dot + 1) : id;
                double t = parseTime(c.getAttribute("time"));
                time += t;
                body.append("  <testcase name=\"").append(xml(name)).append("\" classname=\"").append(xml(classname))
                        .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", t)).append("\"");
                StringBuilder inner = new StringBuilder();
                for (Element child : children(c, null)) {
                    String tag = child.getTagName();
                    String text = child.getTextContent() == null ? "" : child.getTextContent();
                    switch (tag) {
                        case "failure", "error" -> {
                            if (tag.equals("failure")) {
                                sFailures++;
                            } else {
                                sErrors++;
                            }
                            String message = child.getAttribute("message").isEmpty()
                                    ? firstLine(lastLine(text)) : child.getAttribute("message");
                            inner.append("    <").append(tag).append(" message=\"").append(xml(message))
                                    .append("\" type=\"").append(xml(child.getAttribute("type"))).append("\">")
                                    .append(xml(text)).append("</").append(tag).append(">\n");
                        }
                        case "skipped" -> {
                            sSkipped++;
                            inner.append("    <skipped message=\"").append(xml(text.trim())).append("\"/>\n");
                        }
                        case "system-out", "system-err" -> {
                            if (!text.isBlank()) {
                                inner.append("    <").append(tag).append(">").append(xml(text)).append("</")
                                        .append(tag).append(">\n");
                            }
                        }
                        default -> {
                        }
                    }
                }
                body.append(inner.length() == 0 ? "/>\n" : ">\n" + inner + "  </testcase>\n");
            }
            String report = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + xml(suiteName)
                    + "\" tests=\"" + cases.size() + "\" failures=\"" + sFailures + "\" errors=\"" + sErrors
                    + "\" skipped=\"" + sSkipped + "\" time=\"" + String.format(Locale.ROOT, "%.3f", time) + "\">\n"
                    + body + "</testsuite>\n";
            Path file = reportsDirectory.resolve("TEST-" + suiteName + ".xml");
            try {
                AtomicFiles.write(file, report.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw WasmBuildException.io("cannot write " + file, Setting.REPORTS_DIRECTORY, e);
            }
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

    /**
     * The report of a module that produced none of its own (it timed out, or crashed before
     * regrtest wrote its XML): one test case in error, with the reason and the module's last output.
     */
    public static TestSummary writeError(Path reportsDirectory, String suitePrefix, String module, String message,
            List<String> lastOutput) throws WasmBuildException {
        String suiteName = suitePrefix + module;
        String report = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + xml(suiteName)
                + "\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0.000\">\n"
                + "  <testcase name=\"" + xml(module) + "\" classname=\"" + xml(module) + "\" time=\"0.000\">\n"
                + "    <error message=\"" + xml(message) + "\" type=\"regrtest\">" + xml(message) + "</error>\n"
                + "    <system-out>" + xml(String.join("\n", lastOutput)) + "</system-out>\n"
                + "  </testcase>\n</testsuite>\n";
        Path file = reportsDirectory.resolve("TEST-" + suiteName + ".xml");
        try {
            AtomicFiles.write(file, report.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw WasmBuildException.io("cannot write " + file, Setting.REPORTS_DIRECTORY, e);
        }
        return new TestSummary(1, 0, 1, 0, List.of(module), List.of(file.toString()));
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

    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    // XML 1.0 cannot carry most control characters, even escaped.
                    if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t') {
                        b.append('?');
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
