package dev.wasmbuild.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The plugin descriptor that maven-plugin-plugin generated into target/classes
 * (META-INF/maven/plugin.xml) before the tests run: what Maven itself reads about each goal.
 */
final class PluginDescriptorFile {
    private PluginDescriptorFile() {
    }

    static Path path() throws Exception {
        // The directory BuildMojo was loaded from is this module's target/classes.
        Path classes = Path.of(BuildMojo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path file = classes.resolve("META-INF/maven/plugin.xml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the descriptor goal runs in process-classes,"
                    + " before test");
        }
        return file;
    }

    static List<Element> mojos() throws Exception {
        Element plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(path().toFile())
                .getDocumentElement();
        return children(child(plugin, "mojos"), "mojo");
    }

    /** The goal's parameters by name, in descriptor order. */
    static Map<String, Element> parameters(Element mojo) {
        Map<String, Element> out = new LinkedHashMap<>();
        Element parameters = child(mojo, "parameters");
        if (parameters != null) {
            for (Element p : children(parameters, "parameter")) {
                out.put(text(p, "name"), p);
            }
        }
        return out;
    }

    static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? "" : e.getTextContent().trim();
    }

    static Element child(Element parent, String tag) {
        List<Element> all = children(parent, tag);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }
}
