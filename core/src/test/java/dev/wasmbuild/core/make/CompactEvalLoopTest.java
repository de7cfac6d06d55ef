package dev.wasmbuild.core.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The make file reaches only Python/ceval.o, after configure's -O3, and a build made without it
 * recompiles that file. Checked with GNU make on a Makefile that defines the compile rule the
 * way CPython's Makefile.pre.in does (the real build is in the test-wasi-313 IT).
 */
class CompactEvalLoopTest {
    private static final String CPYTHON_LIKE_MAKEFILE = """
            OPT=\t\t-DNDEBUG -g -O3 -Wall
            PY_CFLAGS=\t$(OPT) $(CFLAGS)
            PY_CFLAGS_NODIST=$(CFLAGS_NODIST) -IInclude/internal
            PY_CORE_CFLAGS=\t$(PY_CFLAGS) $(PY_CFLAGS_NODIST) -DPy_BUILD_CORE
            .c.o:
            \t@echo CC -c $(PY_CORE_CFLAGS) -o $@ $< && touch $@
            all: Python/ceval.o Python/compile.o
            """;

    @Test
    void onlyWasiBuildsOf313AndLaterGetIt() {
        assertTrue(CompactEvalLoop.appliesTo(Target.WASI, new PythonVersion(3, 13)));
        assertTrue(CompactEvalLoop.appliesTo(Target.WASI, new PythonVersion(3, 14)));
        assertFalse(CompactEvalLoop.appliesTo(Target.WASI, new PythonVersion(3, 11)));
        assertFalse(CompactEvalLoop.appliesTo(Target.WASI, new PythonVersion(3, 12)));
        assertFalse(CompactEvalLoop.appliesTo(Target.EMSCRIPTEN_NODE, new PythonVersion(3, 13)));
        assertFalse(CompactEvalLoop.appliesTo(Target.EMSCRIPTEN_BROWSER, new PythonVersion(3, 13)));
    }

    @Test
    void theFlagsFollowConfiguresAndReachCevalAlone(@TempDir Path dir) throws Exception {
        cpythonLikeTree(dir);
        assertEquals(CompactEvalLoop.FILE, CompactEvalLoop.write(dir));
        List<String> args = MakeFiles.arguments(List.of(CompactEvalLoop.FILE));
        assertEquals(List.of("-f", "Makefile", "-f", CompactEvalLoop.FILE), args);
        String out = GnuMake.make(dir, args, "all").output();
        String ceval = GnuMake.line(out, "Python/ceval.o");
        String compile = GnuMake.line(out, "Python/compile.o");
        // The later -Oz wins over configure's -O3.
        assertTrue(ceval.indexOf("-O3") < ceval.indexOf("-Oz -fno-inline -Dalways_inline= -mllvm -hot-cold-split=true"
                + " -mllvm -ir-outliner"), ceval);
        assertFalse(compile.contains("-Oz"), compile);
    }

    @Test
    void aCevalBuiltWithoutTheFileIsRebuiltAndThenLeftAlone(@TempDir Path dir) throws Exception {
        cpythonLikeTree(dir);
        assertTrue(GnuMake.make(dir, List.of(), "all").succeeded());
        // The object predates the make file, as in a build directory made by an older plugin.
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(dir.resolve("Python/ceval.o"), old);
        Files.setLastModifiedTime(dir.resolve("Python/compile.o"), old);
        List<String> args = MakeFiles.arguments(List.of(CompactEvalLoop.write(dir)));
        String out = GnuMake.make(dir, args, "all").output();
        assertTrue(out.contains("-o Python/ceval.o"), out);
        assertFalse(out.contains("-o Python/compile.o"), out);
        // Written again with the same text: make sees nothing new.
        CompactEvalLoop.write(dir);
        assertFalse(GnuMake.make(dir, args, "all").output().contains(" -o "), "nothing to rebuild");
    }

    private static void cpythonLikeTree(Path dir) throws Exception {
        Files.writeString(dir.resolve("Makefile"), CPYTHON_LIKE_MAKEFILE);
        Files.createDirectories(dir.resolve("Python"));
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 120_000);
        for (String c : List.of("Python/ceval.c", "Python/compile.c")) {
            Files.writeString(dir.resolve(c), "int x;\n");
            Files.setLastModifiedTime(dir.resolve(c), old);
        }
    }
}
