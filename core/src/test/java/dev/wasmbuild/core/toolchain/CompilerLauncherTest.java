package dev.wasmbuild.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.catalogue.Platform;
import dev.wasmbuild.core.testsupport.ToolchainAssumptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher reaches each real toolchain the way that toolchain expects it (Debian's clang and
 * emscripten), and only a plain word naming an existing executable gets that far, since CC is
 * run through the shell by make.
 */
class CompilerLauncherTest {
    @TempDir
    static Path bin;
    /** The machine's environment with a stand-in ccache first on PATH (ccache itself need not be installed). */
    static Map<String, String> env;
    static Path fakeCcache;

    @BeforeAll
    static void fakeLauncher() throws Exception {
        fakeCcache = bin.resolve("ccache");
        Files.writeString(fakeCcache, "#!/bin/sh\nexec \"$@\"\n");
        Files.setPosixFilePermissions(fakeCcache, PosixFilePermissions.fromString("rwxr-xr-x"));
        env = new HashMap<>(System.getenv());
        env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    }

    @Test
    void wasiPutsTheLauncherInFrontOfTheCompilersButNotThePreprocessor(@TempDir Path cache) throws Exception {
        ToolchainAssumptions.assumeSystemWasiClang();
        Map<String, String> cc = Toolchains.discover(Platform.WASM32_WASI, env, cache, Map.of(), "ccache")
                .environment();
        assertTrue(cc.get("CC").startsWith("ccache "), cc.get("CC"));
        assertTrue(cc.get("CC").contains("--sysroot=" + cache.resolve("wasi-sysroot")), cc.get("CC"));
        assertFalse(cc.get("CPP").startsWith("ccache"), cc.get("CPP"));
        Map<String, String> plain = Toolchains.discover(Platform.WASM32_WASI, env, cache, Map.of(), null)
                .environment();
        assertEquals(cc.get("CC"), "ccache " + plain.get("CC"));
    }

    @Test
    void anAbsolutePathToAnExecutableIsUsedAsGiven(@TempDir Path cache) throws Exception {
        ToolchainAssumptions.assumeSystemWasiClang();
        Map<String, String> cc = Toolchains.discover(Platform.WASM32_WASI, env, cache, Map.of(),
                " " + fakeCcache + " ").environment();
        assertTrue(cc.get("CC").startsWith(fakeCcache + " "), cc.get("CC"));
    }

    @Test
    void emscriptenGetsItAsEmCompilerWrapper(@TempDir Path cache) throws Exception {
        ToolchainAssumptions.assumeEmscripten();
        Toolchain emscripten = Toolchains.discover(Platform.WASM32_EMSCRIPTEN, env, cache, Map.of(), "ccache");
        assertEquals("ccache", emscripten.environment().get("EM_COMPILER_WRAPPER"));
        assertFalse(Toolchains.discover(Platform.WASM32_EMSCRIPTEN, env, cache, Map.of(), null)
                .environment().containsKey("EM_COMPILER_WRAPPER"));
    }

    private static String refused(String launcher) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> CompilerLauncher.check(launcher, env), launcher);
        assertEquals(Setting.COMPILER_LAUNCHER, e.setting());
        assertTrue(e.getMessage().contains("executable on PATH") && e.getMessage().contains("absolute path"),
                e.getMessage());
        return e.getMessage();
    }

    @Test
    void shellSyntaxIsRefusedBeforeItReachesMake() {
        for (String bad : new String[] {"ccache; rm -rf ~", "ccache -v", "'ccache'", "\"ccache\"", "$(id)",
                "`id`", "ccache|tee", "ccache&", "ccache>x", "CCACHE_DIR=/x", "cc*", "a\tb", "a\nb"}) {
            assertTrue(refused(bad).contains("not one plain word"), bad);
        }
    }

    @Test
    void aLauncherThatDoesNotExistIsRefused() {
        assertTrue(refused("no-such-launcher-here").contains("is not on PATH"));
        assertTrue(refused(bin.resolve("missing").toString()).contains("is not an executable file"));
        assertTrue(refused("bin/ccache").contains("neither a program name nor an absolute path"));
        assertTrue(refused("-ccache").contains("neither a program name nor an absolute path"));
    }

    @Test
    void blankMeansNone() throws Exception {
        assertEquals(null, CompilerLauncher.check("  ", env));
        assertEquals(null, CompilerLauncher.check(null, env));
    }
}
