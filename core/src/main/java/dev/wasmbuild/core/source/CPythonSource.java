package dev.wasmbuild.core.source;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.catalogue.PythonVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CPython source tree, and what the plugin reads from it without running anything. */
public final class CPythonSource {
    private static final Pattern PACKAGE_VERSION = Pattern.compile("(?m)^PACKAGE_VERSION='([^']*)'");
    private static final Pattern PY_VERSION = Pattern.compile("(?m)^#define\\s+PY_VERSION\\s+\"([^\"]+)\"");
    private static final Pattern MODULE_SWITCH = Pattern.compile("py_cv_module_([A-Za-z0-9_]+)");

    private final Path root;
    private final String configureText;

    private CPythonSource(Path root, String configureText) {
        this.root = root;
        this.configureText = configureText;
    }

    /**
     * Opens a source tree, checking that it has a configure script.
     *
     * @param element the pom element that named the directory, for the error message
     */
    public static CPythonSource open(Path root, String element) throws ConfigurationException {
        Path configure = root.resolve("configure");
        if (!Files.isDirectory(root)) {
            throw new ConfigurationException(element, root + " is not a directory; point it at a CPython source tree");
        }
        if (!Files.isRegularFile(configure)) {
            throw new ConfigurationException(element,
                    root + " has no configure script; point it at the top of a CPython source tree");
        }
        try {
            return new CPythonSource(root, Files.readString(configure, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new ConfigurationException(element, "cannot read " + configure + ": " + e.getMessage());
        }
    }

    public Path root() {
        return root;
    }

    public Path configureScript() {
        return root.resolve("configure");
    }

    /** The minor version from configure's PACKAGE_VERSION, e.g. 3.11. */
    public PythonVersion version() throws ConfigurationException {
        Matcher m = PACKAGE_VERSION.matcher(configureText);
        PythonVersion v = m.find() ? PythonVersion.parseOrNull(m.group(1)) : null;
        if (v == null) {
            throw new ConfigurationException("sourceDirectory",
                    configureScript() + " has no PACKAGE_VERSION='X.Y' line; is it CPython's configure?");
        }
        return v;
    }

    /** The full version from Include/patchlevel.h, e.g. 3.11.2, if the file is there. */
    public Optional<String> fullVersion() {
        try {
            String text = Files.readString(root.resolve("Include/patchlevel.h"), StandardCharsets.ISO_8859_1);
            Matcher m = PY_VERSION.matcher(text);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Every extension module configure decides on through a py_cv_module_NAME cache variable. */
    public SortedSet<String> moduleSwitches() {
        SortedSet<String> names = new TreeSet<>();
        Matcher m = MODULE_SWITCH.matcher(configureText);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
