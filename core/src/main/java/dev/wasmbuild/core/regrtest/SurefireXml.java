package dev.wasmbuild.core.regrtest;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * How a Surefire report file is written: through the JDK's own XMLStreamWriter (not whichever
 * StAX implementation the class path offers, so the bytes are the same everywhere), which
 * escapes what must be; text is first cleaned of what XML 1.0 cannot carry at all.
 */
final class SurefireXml {
    private SurefireXml() {
    }

    /** What goes between a report's testsuite element's start and end. */
    @FunctionalInterface
    interface Body {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    /** Writes TEST-{suiteName}.xml: the declaration, the testsuite element the body started, its end. */
    static Path write(Path reportsDirectory, String suiteName, Body body) throws WasmBuildException {
        Path file = reportsDirectory.resolve("TEST-" + suiteName + ".xml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter out = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
            out.writeStartDocument("UTF-8", "1.0");
            out.writeCharacters("\n");
            body.write(out);
            out.writeEndElement();
            out.writeCharacters("\n");
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            // Text is cleaned of what XML cannot carry before it is written, so this is a bug here.
            throw new IllegalStateException("cannot write the report of " + suiteName + ": " + e.getMessage(), e);
        }
        try {
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw WasmBuildException.io("cannot write " + file, Setting.REPORTS_DIRECTORY, e);
        }
        return file;
    }

    static void suiteStart(XMLStreamWriter out, String name, int tests, int failures, int errors,
            int skipped, double time) throws XMLStreamException {
        out.writeStartElement("testsuite");
        attribute(out, "name", name);
        attribute(out, "tests", Integer.toString(tests));
        attribute(out, "failures", Integer.toString(failures));
        attribute(out, "errors", Integer.toString(errors));
        attribute(out, "skipped", Integer.toString(skipped));
        attribute(out, "time", seconds(time));
        out.writeCharacters("\n");
    }

    static void attribute(XMLStreamWriter out, String name, String value) throws XMLStreamException {
        out.writeAttribute(name, xmlText(value));
    }

    static String seconds(double time) {
        return String.format(Locale.ROOT, "%.3f", time);
    }

    /**
     * The text with what XML 1.0 cannot carry, even escaped, replaced by '?': control characters
     * other than tab, newline and carriage return, and lone surrogates. The writer escapes the rest.
     */
    static String xmlText(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean control = ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t';
            boolean pair = Character.isHighSurrogate(ch) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                b.append(ch).append(s.charAt(++i));
            } else if (control || Character.isSurrogate(ch) || ch == 0xFFFE || ch == 0xFFFF) {
                b.append('?');
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
