package dev.wasmbuild.core.source;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.FileErrors;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.PythonRelease;
import dev.wasmbuild.core.catalogue.PythonVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CPython source tree, and what the plugin reads from it without running anything. A source
 * from an archive starts out pending: its configure script was read from the archive, so the
 * version and module names are known and the settings can be checked, but nothing is unpacked
 * until {@link #onDisk()}.
 */
public final class CPythonSource {
    /** Puts a pending source on disk, returning its root. */
    @FunctionalInterface
    public interface Unpacker {
        Path unpack() throws ConfigurationException, WasmBuildException, InterruptedException;
    }

    private static final Pattern PACKAGE_VERSION = Pattern.compile("(?m)^PACKAGE_VERSION='([^']*)'");
    private static final Pattern PY_VERSION = Pattern.compile("(?m)^#define\\s+PY_VERSION\\s+\"([^\"]+)\"");
    /*
     * Every PY_STDLIB_MOD / PY_STDLIB_MOD_SIMPLE entry expands to this test. Plain mentions of
     * py_cv_module_NAME are not enough: 3.11's configure also sets py_cv_module__curses=n/a for
     * wasm although setup.py, not configure, builds _curses there, and 3.13's still names nis.
     */
    private static final Pattern MODULE_SWITCH =
            Pattern.compile("test \"\\$py_cv_module_([A-Za-z0-9_]+)\" != \"n/a\"");

    private final Path root;
    private final String configureText;
    /** Include/patchlevel.h as read from an archive; null for a tree on disk (read when needed). */
    private final String patchLevelText;
    private final Setting element;
    private final Unpacker unpacker;

    private CPythonSource(Path root, String configureText, String patchLevelText, Setting element,
            Unpacker unpacker) {
        this.root = root;
        this.configureText = configureText;
        this.patchLevelText = patchLevelText;
        this.element = element;
        this.unpacker = unpacker;
    }

    /**
     * A source that is not on disk yet.
     *
     * @param root where it will be once unpacked
     * @param configureText its configure script, read from the archive
     * @param patchLevelText its Include/patchlevel.h, read from the archive (null if it has none)
     */
    public static CPythonSource pending(Path root, String configureText, String patchLevelText, Setting element,
            Unpacker unpacker) {
        return new CPythonSource(root, configureText, patchLevelText == null ? "" : patchLevelText, element,
                unpacker);
    }

    /** This source on disk: unpacked now if it was pending, checked to be where it was announced. */
    public CPythonSource onDisk() throws ConfigurationException, WasmBuildException, InterruptedException {
        if (unpacker == null) {
            return this;
        }
        Path unpacked = unpacker.unpack();
        if (!unpacked.equals(root)) {
            throw new WasmBuildException("the source was expected at " + root + " but was unpacked at " + unpacked);
        }
        return open(unpacked, element);
    }

    /** The setting the source came from, for messages. */
    public Setting element() {
        return element;
    }

    /**
     * Opens a source tree, checking that it has a configure script.
     *
     * @param element the pom element that named the directory, for the error message
     */
    public static CPythonSource open(Path root, Setting element) throws ConfigurationException {
        Path configure = root.resolve("configure");
        if (!Files.isDirectory(root)) {
            throw new ConfigurationException(element, root + " is not a directory; point it at a CPython source tree");
        }
        if (!Files.isRegularFile(configure)) {
            throw new ConfigurationException(element,
                    root + " has no configure script; point it at the top of a CPython source tree");
        }
        try {
            return new CPythonSource(root, Files.readString(configure, StandardCharsets.ISO_8859_1), null, element,
                    null);
        } catch (IOException e) {
            throw new ConfigurationException(element, "cannot read " + configure + ": " + FileErrors.describe(e));
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
            throw new ConfigurationException(element,
                    configureScript() + " has no PACKAGE_VERSION='X.Y' line; is it CPython's configure?");
        }
        return v;
    }

    /** The full version from Include/patchlevel.h, e.g. 3.11.2, if the file is there. */
    public Optional<String> fullVersion() {
        try {
            String text = patchLevelText != null ? patchLevelText
                    : Files.readString(patchLevelHeader(), StandardCharsets.ISO_8859_1);
            Matcher m = PY_VERSION.matcher(text);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path patchLevelHeader() {
        return root.resolve("Include/patchlevel.h");
    }

    /**
     * The release the tree is (PY_VERSION in Include/patchlevel.h): upstream's site files change
     * between patch releases, so the minor version from configure is not enough.
     *
     * @param element the pom element that named the tree, for the error message
     */
    public PythonRelease release(Setting element) throws ConfigurationException {
        String full = fullVersion().orElseThrow(() -> new ConfigurationException(element, patchLevelHeader()
                + " has no #define PY_VERSION \"X.Y.Z\" line; the site file depends on the CPython release,"
                + " so point it at a complete CPython source tree"));
        PythonRelease release = PythonRelease.parseOrNull(full);
        if (release == null) {
            throw new ConfigurationException(element, "PY_VERSION '" + full + "' in " + patchLevelHeader()
                    + " is not a CPython release like 3.11.2");
        }
        if (!release.minorVersion().equals(version())) {
            throw new ConfigurationException(element, "PY_VERSION '" + full + "' in " + patchLevelHeader()
                    + " does not match PACKAGE_VERSION " + version() + " in " + configureScript()
                    + "; is the tree half updated?");
        }
        return release;
    }

    /** Every extension module configure switches through a py_cv_module_NAME cache variable. */
    public SortedSet<String> moduleSwitches() {
        SortedSet<String> names = new TreeSet<>();
        Matcher m = MODULE_SWITCH.matcher(configureText);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
