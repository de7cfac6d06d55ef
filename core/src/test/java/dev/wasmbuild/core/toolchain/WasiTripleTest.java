package dev.wasmbuild.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.testsupport.ToolchainAssumptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system clang compiles for the triple the CPython line configures for: wasm32-wasi up to
 * 3.12, wasm32-wasip1 from 3.13 where the installed wasi-libc has that tree (Debian 13).
 */
class WasiTripleTest {

    private static WasiToolchain discover(Path cache) throws Exception {
        ToolchainAssumptions.assumeSystemWasiClang();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("WASI_SDK_PATH");
        WasiToolchain found = WasiToolchain.discover(env, cache.resolve("wasi-sysroot"), null);
        org.junit.jupiter.api.Assumptions.assumeTrue(found.name().contains("system clang"), "a wasi-sdk was found");
        return found;
    }

    @Test
    void cpython311KeepsWasm32Wasi(@TempDir Path cache) throws Exception {
        WasiToolchain t = discover(cache);
        assertSame(t, t.forPython(new PythonVersion(3, 11)));
        assertTrue(t.environment().get("CC").contains(" --target=wasm32-wasi "), t.environment().get("CC"));
    }

    @Test
    void cpython313CompilesForWasip1WhereWasiLibcHasIt(@TempDir Path cache) throws Exception {
        WasiToolchain t = discover(cache);
        boolean wasip1 = Files.isDirectory(Path.of("/usr/include/wasm32-wasip1"))
                && Files.isDirectory(Path.of("/usr/lib/wasm32-wasip1"));
        Toolchain for313 = t.forPython(new PythonVersion(3, 13));
        String triple = wasip1 ? "wasm32-wasip1" : "wasm32-wasi";
        for (String key : new String[] {"CC", "CPP", "CXX"}) {
            assertTrue(for313.environment().get(key).contains(" --target=" + triple + " "),
                    key + "=" + for313.environment().get(key));
        }
        assertTrue(for313.name().contains(" for " + triple + " "), for313.name());
        assertEquals(wasip1, !for313.identity().equals(t.identity()));
    }
}
