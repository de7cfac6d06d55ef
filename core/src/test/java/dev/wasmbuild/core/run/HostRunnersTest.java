package dev.wasmbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.catalogue.Target;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner that is not installed gets the remedy for that program, not another program's. */
class HostRunnersTest {

    private static ConfigurationException missing(Path emptyPath, RunnerKind kind, Target target) {
        HostRunners runners = new HostRunners(Map.of("PATH", emptyPath.toString()));
        return assertThrows(ConfigurationException.class, () -> runners.resolve(kind, target));
    }

    @Test
    void missingWasmtimePointsToItsReleasesAndTheOtherRunnersNotToNodejsPackage(@TempDir Path empty) {
        ConfigurationException e = missing(empty, RunnerKind.WASMTIME, Target.WASI);
        assertEquals(Setting.RUNNER, e.setting());
        String m = e.getMessage();
        assertTrue(m.startsWith("wasmtime is not on PATH"), m);
        assertTrue(m.contains("https://github.com/bytecodealliance/wasmtime/releases"), m);
        assertTrue(m.contains("not in Debian's packages"), m);
        assertTrue(m.contains("{runner} to node") && m.contains("chicory"), m);
        assertFalse(m.contains("install it (Debian: apt-get install nodejs)"), m);
    }

    @Test
    void missingNodeForWasiSuggestsTheDebianPackageOrChicory(@TempDir Path empty) {
        String m = missing(empty, RunnerKind.NODE, Target.WASI).getMessage();
        assertTrue(m.startsWith("node is not on PATH"), m);
        assertTrue(m.contains("apt-get install nodejs"), m);
        assertTrue(m.contains("{runner} to chicory"), m);
        assertFalse(m.contains("wasmtime/releases"), m);
    }

    @Test
    void autoWithNeitherRunnerInstalledFallsBackToNodeAndSaysHowToGetIt(@TempDir Path empty) {
        String m = missing(empty, RunnerKind.AUTO, Target.WASI).getMessage();
        assertTrue(m.startsWith("node is not on PATH"), m);
        assertTrue(m.contains("apt-get install nodejs"), m);
    }

    @Test
    void missingNodeForEmscriptenOffersNoWasiOnlyRunner(@TempDir Path empty) {
        String m = missing(empty, RunnerKind.NODE, Target.EMSCRIPTEN_NODE).getMessage();
        assertTrue(m.contains("apt-get install nodejs"), m);
        assertTrue(m.contains("runs only under node"), m);
        assertFalse(m.contains("chicory"), m);
    }
}
