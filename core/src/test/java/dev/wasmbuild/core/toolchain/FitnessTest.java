package dev.wasmbuild.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.catalogue.PythonVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each CPython line says about a toolchain version, from CPython's own wasm scripts and README. */
class FitnessTest {
    private static final PythonVersion PY311 = new PythonVersion(3, 11);
    private static final PythonVersion PY313 = new PythonVersion(3, 13);
    private static final PythonVersion PY314 = new PythonVersion(3, 14);

    @Test
    void emscriptenVersionsWasmBuildRefusesAreRefused() {
        for (String broken : List.of("3.1.14", "3.1.16", "3.1.20")) {
            Fitness f = EmscriptenToolchain.fitness(broken, PY311);
            assertEquals(Fitness.Verdict.REFUSED, f.verdict(), broken);
            assertTrue(f.refusals().get(0).startsWith("Emscripten " + broken + " has a known bug"), f.refusals().get(0));
        }
    }

    @Test
    void debian12sEmscriptenWarnsTwiceForEveryLineAndOnceMoreFor313() {
        Fitness f311 = EmscriptenToolchain.fitness("3.1.6", PY311);
        assertEquals(Fitness.Verdict.WARNS, f311.verdict());
        assertEquals(2, f311.warnings().size(), f311.warnings().toString());
        assertTrue(f311.warnings().get(0).startsWith("Emscripten 3.1.6 is older than 3.1.8"));
        assertTrue(f311.warnings().get(1).contains("older than 3.1.19, which CPython 3.11's"));
        Fitness f313 = EmscriptenToolchain.fitness("3.1.6", PY313);
        assertEquals(4, f313.warnings().size(), f313.warnings().toString());
        assertTrue(f313.warnings().get(2).contains("still ships sys/timerfd.h"));
        assertTrue(f313.warnings().get(3).contains("not officially supported as of 3.13"));
        // 3.13 uses timerfd; 3.1.6 declares it and implements nothing, so configure is told.
        assertEquals(Map.of("ac_cv_func_timerfd_create", "no"), f313.siteAnswers());
        assertTrue(f311.siteAnswers().isEmpty());
        assertTrue(EmscriptenToolchain.fitness("3.1.69", PY313).siteAnswers().isEmpty());
    }

    @Test
    void debian13sEmscriptenFits311AndIsUntriedFor314() {
        assertEquals(Fitness.Verdict.FITS, EmscriptenToolchain.fitness("3.1.69", PY311).verdict());
        assertEquals(List.of("CPython 3.11: fits"), EmscriptenToolchain.fitness("3.1.69", PY311).describe());
        Fitness f314 = EmscriptenToolchain.fitness("3.1.69", PY314);
        assertEquals(Fitness.Verdict.WARNS, f314.verdict());
        assertTrue(f314.describe().get(0).startsWith("CPython 3.14: warning: CPython 3.14 has not been built"));
    }

    @Test
    void anOldWasiLibcGets313ItsPthreadAnswers() {
        Fitness old = WasiToolchain.fitness(PY313, false);
        assertEquals(Fitness.Verdict.WARNS, old.verdict());
        assertEquals(Map.of("ac_cv_have_pthread_t", "yes", "ac_cv_sizeof_pthread_t", "4"), old.siteAnswers());
        assertTrue(WasiToolchain.fitness(PY313, true).siteAnswers().isEmpty());
        assertTrue(WasiToolchain.fitness(PY311, false).siteAnswers().isEmpty());
        assertEquals(Fitness.Verdict.FITS, WasiToolchain.fitness(PY311, false).verdict());
    }

    @Test
    void aRefusalOutranksWarningsAndEachReasonKeepsItsWord() {
        Fitness f = new Fitness.Builder(PY311).warn("w").refuse("r").warn("w2").build();
        assertEquals(Fitness.Verdict.REFUSED, f.verdict());
        assertEquals(List.of("CPython 3.11: warning: w", "CPython 3.11: refused: r", "CPython 3.11: warning: w2"),
                f.describe());
    }
}
