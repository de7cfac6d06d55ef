package dev.wasmbuild.server;

import dev.wasmbuild.core.Action;
import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to serve and where, checked before anything binds.
 *
 * @param root the directory served at "/"
 * @param port the loopback port, 0 for any free one
 * @param xtermDirectory an unpacked npm xterm package served under /_xterm/, or null
 */
public record ServeSettings(Path root, int port, Path xtermDirectory) {

    /** The parameter that names the served directory, for messages. */
    public static final Setting ROOT_ELEMENT = Setting.SERVE_DIRECTORY;
    public static final Setting PORT_ELEMENT = Setting.PORT;
    public static final Setting XTERM_ELEMENT = Setting.XTERM_DIRECTORY;
    private static final String BUILD_BROWSER = Action.BUILD.command(Setting.TARGET, "emscripten-browser");

    static final String XTERM_SCRIPT = "lib/xterm.js";
    static final String XTERM_STYLE = "css/xterm.css";

    private static final Pattern PACKAGE_VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * Checks the pom's values and returns settings with absolute paths.
     *
     * @param defaultRoot true when root is the plugin's default (the emscripten-browser build
     *     directory), which changes the advice when it is missing
     */
    public static ServeSettings validated(Path root, boolean defaultRoot, int port, Path xtermDirectory)
            throws ConfigurationException {
        if (root == null) {
            throw new ConfigurationException(ROOT_ELEMENT, "no directory to serve given");
        }
        Path absoluteRoot = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absoluteRoot)) {
            String what = Files.exists(absoluteRoot) ? " is not a directory" : " does not exist";
            String advice = defaultRoot
                    ? "; build the browser target first (" + BUILD_BROWSER + "),"
                            + " or set " + ROOT_ELEMENT + " to the directory to serve"
                    : "; set " + ROOT_ELEMENT + " (" + ROOT_ELEMENT.assignment("…") + ") to an existing directory, such as"
                            + " the output of " + BUILD_BROWSER;
            throw new ConfigurationException(ROOT_ELEMENT, absoluteRoot + what + advice);
        }
        if (port < 0 || port > 65535) {
            throw new ConfigurationException(PORT_ELEMENT, port + " is not a TCP port; use 1..65535,"
                    + " or 0 to let the system pick a free one (" + PORT_ELEMENT.assignment("0") + ")");
        }
        Path xterm = null;
        if (xtermDirectory != null) {
            xterm = xtermDirectory.toAbsolutePath().normalize();
            for (String file : new String[] {XTERM_SCRIPT, XTERM_STYLE}) {
                if (!Files.isRegularFile(xterm.resolve(file))) {
                    throw new ConfigurationException(XTERM_ELEMENT, "there is no " + file + " in " + xterm
                            + "; point it at an unpacked npm xterm package of the version the page names"
                            + " (npm install xterm@4.18.0 gives node_modules/xterm)");
                }
            }
        }
        return new ServeSettings(absoluteRoot, port, xterm);
    }

    /** The version in xtermDirectory's package.json, if it has one. */
    public Optional<String> xtermVersion() {
        if (xtermDirectory == null) {
            return Optional.empty();
        }
        try {
            Matcher m = PACKAGE_VERSION.matcher(
                    Files.readString(xtermDirectory.resolve("package.json"), StandardCharsets.UTF_8));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
