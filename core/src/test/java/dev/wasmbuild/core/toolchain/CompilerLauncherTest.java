package dev.wasmbuild.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.catalogue.Platform;
import dev.wasmbuild.core.testsupport.ToolchainAssumptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher reaches each real toolchain the way that toolchain expects it (Debian's clang and
 * emscripten); each test is skipped where its toolchain is missing.
 */
class CompilerLauncherTest {

    @Test
    void wasiPutsTheLauncherInFrontOfTheCompilersButNotThePreprocessor(@TempDir Path cache) throws Exception {
        ToolchainAssumptions.assumeSystemWasiClang();
        Map<String, String> env = Toolchains.discover(Platform.WASM32_WASI, System.getenv(), cache, Map.of(), "ccache")
                .environment();
        assertTrue(env.get("CC").startsWith("ccache "), env.get("CC"));
        assertTrue(env.get("CC").contains("--sysroot=" + cache.resolve("wasi-sysroot")), env.get("CC"));
        assertFalse(env.get("CPP").startsWith("ccache"), env.get("CPP"));
        Map<String, String> plain = Toolchains.discover(Platform.WASM32_WASI, System.getenv(), cache, Map.of(), null)
                .environment();
        assertEquals(env.get("CC"), "ccache " + plain.get("CC"));
    }

    @Test
    void emscriptenGetsItAsEmCompilerWrapper(@TempDir Path cache) throws Exception {
        ToolchainAssumptions.assumeEmscripten();
        Toolchain emscripten = Toolchains.discover(Platform.WASM32_EMSCRIPTEN, System.getenv(), cache, Map.of(),
                "sccache");
        assertEquals("sccache", emscripten.environment().get("EM_COMPILER_WRAPPER"));
        assertFalse(Toolchains.discover(Platform.WASM32_EMSCRIPTEN, System.getenv(), cache, Map.of(), null)
                .environment().containsKey("EM_COMPILER_WRAPPER"));
    }
}
