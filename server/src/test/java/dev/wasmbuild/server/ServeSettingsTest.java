package dev.wasmbuild.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServeSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingDefaultBuildDirectoryTellsHowToBuildIt() {
        Path missing = dir.resolve("target/wasm/emscripten-browser");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ServeSettings.validated(missing, true, 8000, null));
        assertEquals(Setting.SERVE_DIRECTORY, e.setting());
        assertEquals("" + missing + " does not exist; build the browser target first"
                + " ({run:build target=emscripten-browser}), or set {serveDirectory} to the directory"
                + " to serve", e.getMessage());
    }

    @Test
    void aFileIsNoDirectoryToServe() throws Exception {
        Path file = Files.writeString(dir.resolve("python.html"), "x");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ServeSettings.validated(file, false, 8000, null));
        assertTrue(e.getMessage().startsWith("" + file + " is not a directory; set {serveDirectory}"),
                e.getMessage());
        assertTrue(e.getMessage().contains("{run:build target=emscripten-browser}"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void portsOutsideTheTcpRangeAreRefused(int port) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ServeSettings.validated(dir, false, port, null));
        assertEquals(Setting.PORT, e.setting());
        assertTrue(e.getMessage().contains("use 1..65535, or 0"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 8000, 65535})
    void portsInsideTheRangeAreAccepted(int port) throws Exception {
        assertEquals(port, ServeSettings.validated(dir, false, port, null).port());
    }

    @Test
    void theXtermDirectoryMustBeAnXtermPackage() throws Exception {
        Path xterm = Files.createDirectories(dir.resolve("xterm/lib"));
        Files.writeString(xterm.resolve("xterm.js"), "");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ServeSettings.validated(dir, false, 0, dir.resolve("xterm")));
        assertEquals(Setting.XTERM_DIRECTORY, e.setting());
        assertTrue(e.getMessage().contains("there is no css/xterm.css in " + dir.resolve("xterm")), e.getMessage());
        assertTrue(e.getMessage().contains("npm install xterm@4.18.0"), e.getMessage());
    }

    @Test
    void readsTheXtermVersionFromPackageJson() throws Exception {
        Path xterm = dir.resolve("xterm");
        Files.createDirectories(xterm.resolve("lib"));
        Files.createDirectories(xterm.resolve("css"));
        Files.writeString(xterm.resolve("lib/xterm.js"), "");
        Files.writeString(xterm.resolve("css/xterm.css"), "");
        assertEquals(Optional.empty(), ServeSettings.validated(dir, false, 0, xterm).xtermVersion());
        Files.writeString(xterm.resolve("package.json"), "{\n  \"name\": \"xterm\",\n  \"version\" : \"4.18.0\"\n}");
        assertEquals(Optional.of("4.18.0"), ServeSettings.validated(dir, false, 0, xterm).xtermVersion());
    }
}
