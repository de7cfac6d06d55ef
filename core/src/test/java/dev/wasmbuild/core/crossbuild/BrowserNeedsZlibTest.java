package dev.wasmbuild.core.crossbuild;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.catalogue.Target;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The browser's stdlib zip is deflated, so its build needs zlib; node and wasi do not. */
class BrowserNeedsZlibTest {
    private static final Map<String, String> NO_ZLIB_PORT = Map.of("zlib",
            "emscripten's zlib port cannot be downloaded here and no local source was given (zlibSource)");

    @Test
    void aBrowserBuildWithoutAZlibPortNamesZlibSource() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> BuildPlan.requireZlibInTheBrowser(Target.EMSCRIPTEN_BROWSER, Set.of(), NO_ZLIB_PORT));
        assertEquals(Setting.ZLIB_SOURCE, e.setting());
        assertTrue(e.getMessage().startsWith("emscripten-browser needs the zlib module, and emscripten's zlib port"
                + " cannot be downloaded here"), e.getMessage());
        assertTrue(e.getMessage().contains("Failed to import encodings module"), e.getMessage());
    }

    @Test
    void turningZlibOffForTheBrowserNamesDisableModules() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> BuildPlan.requireZlibInTheBrowser(Target.EMSCRIPTEN_BROWSER, Set.of("_bz2", "zlib"), Map.of()));
        assertEquals(Setting.DISABLE_MODULES, e.setting());
        assertTrue(e.getMessage().startsWith("zlib cannot be turned off for emscripten-browser"), e.getMessage());
    }

    @Test
    void otherTargetsDoWithoutZlib() {
        assertDoesNotThrow(() -> BuildPlan.requireZlibInTheBrowser(Target.EMSCRIPTEN_NODE, Set.of("zlib"),
                NO_ZLIB_PORT));
        assertDoesNotThrow(() -> BuildPlan.requireZlibInTheBrowser(Target.WASI, Set.of("zlib"), Map.of()));
        assertDoesNotThrow(() -> BuildPlan.requireZlibInTheBrowser(Target.EMSCRIPTEN_BROWSER, Set.of("_bz2"),
                Map.of("_bz2", "no bzip2Source")));
    }
}
