package dev.wasmbuild.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.catalogue.PythonRelease;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each CPython line says about a toolchain version, from CPython's own wasm scripts and README. */
class FitnessTest {
    private static final PythonRelease PY311 = PythonRelease.of(3, 11, 2);
    private static final PythonRelease PY3118 = PythonRelease.of(3, 11, 8);
    private static final PythonRelease PY313 = PythonRelease.of(3, 13, 5);
    private static final PythonRelease PY314 = PythonRelease.of(3, 14, 0);

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
        assertEquals(List.of("CPython 3.11.2: fits"), EmscriptenToolchain.fitness("3.1.69", PY311).describe());
        Fitness f314 = EmscriptenToolchain.fitness("3.1.69", PY314);
        assertEquals(Fitness.Verdict.WARNS, f314.verdict());
        assertTrue(f314.describe().get(0).startsWith("CPython 3.14.0: warning: CPython 3.14 has not been built"));
    }

    @Test
    void anOldWasiLibcGets313ItsPthreadAnswers() {
        Fitness old = WasiToolchain.fitness(PY313, false, false, 14);
        assertEquals(Fitness.Verdict.WARNS, old.verdict());
        assertEquals(Map.of("ac_cv_have_pthread_t", "yes", "ac_cv_sizeof_pthread_t", "4"), old.siteAnswers());
        assertTrue(WasiToolchain.fitness(PY313, true, false, 19).siteAnswers().isEmpty());
        assertTrue(WasiToolchain.fitness(PY311, false, false, 14).siteAnswers().isEmpty());
        assertEquals(Fitness.Verdict.FITS, WasiToolchain.fitness(PY311, false, false, 14).verdict());
    }

    @Test
    void clang15AndLaterGetNoIntConversionForA311ReleaseWithoutTheSiteAnswer() {
        // Debian 13's clang 19 stops at timemodule.c (CLOCK_REALTIME is a pointer in wasi-libc).
        Fitness f = WasiToolchain.fitness(PY311, true, false, 19);
        assertEquals(List.of("-Wno-int-conversion"), f.compilerFlags());
        assertEquals(Fitness.Verdict.WARNS, f.verdict());
        assertTrue(f.warnings().get(0).startsWith("clang 19 reports int-conversion as an error, and CPython 3.11.2"
                + " predates"), f.warnings().get(0));
        assertEquals(List.of("-Wno-int-conversion"), WasiToolchain.fitness(PythonRelease.of(3, 11, 7), true, false, 15)
                .compilerFlags());
        // clang 14 only warns; 3.11.8 and later answer it in their site file; 3.13 never needed it.
        assertTrue(WasiToolchain.fitness(PY311, true, false, 14).compilerFlags().isEmpty());
        assertTrue(WasiToolchain.fitness(PY3118, true, false, 19).compilerFlags().isEmpty());
        assertTrue(WasiToolchain.fitness(PY313, true, false, 19).compilerFlags().isEmpty());
        assertEquals(Fitness.Verdict.FITS, WasiToolchain.fitness(PY3118, true, false, 19).verdict());
    }

    @Test
    void aWasiLibcWithEnosysStubsGetsThemAnsweredBefore313() {
        // Debian 13's wasi-libc: CPython 3.11.2's test_os failed with errno 52 in os.chmod and os.statvfs.
        Fitness f = WasiToolchain.fitness(PY311, true, true, 19);
        assertEquals(Map.of("ac_cv_func_chmod", "no", "ac_cv_func_fchmod", "no", "ac_cv_func_fchmodat", "no",
                "ac_cv_func_statvfs", "no", "ac_cv_func_fstatvfs", "no"), f.siteAnswers());
        assertTrue(f.warnings().get(0).startsWith("this wasi-libc (WASI SDK 22 or later) has chmod, fchmod,"
                + " fchmodat, statvfs and fstatvfs only as stubs that fail with ENOSYS, which CPython 3.11.2's"), f
                .warnings().get(0));
        assertEquals(5, WasiToolchain.fitness(PythonRelease.of(3, 12, 3), true, true, 19).siteAnswers().size());
        // 3.13's own site file answers them; an older wasi-libc has no such functions at all.
        assertTrue(WasiToolchain.fitness(PY313, true, true, 19).siteAnswers().isEmpty());
        assertTrue(WasiToolchain.fitness(PY311, false, false, 14).siteAnswers().isEmpty());
    }

    @Test
    void clangMajorVersions() {
        assertEquals(19, WasiToolchain.clangMajor("19.1.7"));
        assertEquals(14, WasiToolchain.clangMajor("14.0.6"));
        assertEquals(0, WasiToolchain.clangMajor("unknown"));
    }

    @Test
    void aRefusalOutranksWarningsAndEachReasonKeepsItsWord() {
        Fitness f = new Fitness.Builder(PY311).warn("w").refuse("r").warn("w2").build();
        assertEquals(Fitness.Verdict.REFUSED, f.verdict());
        assertEquals(List.of("CPython 3.11.2: warning: w", "CPython 3.11.2: refused: r", "CPython 3.11.2: warning: w2"),
                f.describe());
    }
}
