package dev.wasmbuild.core.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.python.WasiPython;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * python-preinit.wasm is compiled and linked with the variables CPython's own rule for
 * python.wasm uses, with the plugin's main object in place of Programs/python.o. Checked with
 * GNU make on a Makefile that defines those variables the way Makefile.pre.in does (the real
 * link, and the snapshot made from it, are in the jar-wasi and test-wasi-313 ITs).
 */
class PreinitEntryTest {
    private static final String CPYTHON_LIKE_MAKEFILE = """
            CC=\t\techo CC
            LINKCC=\t\techo LINK
            PY_CORE_CFLAGS=\t-O3 -IInclude -DPy_BUILD_CORE
            PY_CORE_LDFLAGS=-z stack-size=8388608
            LINKFORSHARED=
            LINK_PYTHON_DEPS=libpython3.13.a
            LINK_PYTHON_OBJS=libpython3.13.a
            LIBS=\t\t-lwasi-emulated-signal
            MODLIBS=\t-lz
            SYSLIBS=\t-lm
            PYTHON_HEADERS=\tInclude/Python.h
            BUILDPYTHON=\tpython.wasm
            all: $(BUILDPYTHON)
            $(BUILDPYTHON): $(LINK_PYTHON_DEPS)
            \t@echo LINK python && touch $@
            """;

    @Test
    void wasiOnly() {
        assertTrue(PreinitEntry.appliesTo(Target.WASI));
        assertFalse(PreinitEntry.appliesTo(Target.EMSCRIPTEN_NODE));
        assertFalse(PreinitEntry.appliesTo(Target.EMSCRIPTEN_BROWSER));
    }

    @Test
    void theMainFileMatchesWhatTheJarCallsAndStarts() throws Exception {
        String source = PreinitEntry.source();
        assertTrue(source.contains("export_name(\"" + PreinitEntry.EXPORT + "\")"), "the export wasm:jar calls");
        assertTrue(source.contains("\"" + WasiPython.PROGRAM + "\""), "argv[0] as the jar's launcher passes it");
        BuildLayout layout = new BuildLayout(Target.WASI, new PythonVersion(3, 13), Path.of("src"), Path.of("build"));
        assertEquals(Path.of("build", PreinitEntry.PROGRAM), layout.preinitWasm());
    }

    @Test
    void compiledWithCoreFlagsAndLinkedLikePython(@TempDir Path dir) throws Exception {
        cpythonLikeTree(dir);
        List<String> args = MakeFiles.arguments(List.of(PreinitEntry.write(dir)));
        assertTrue(Files.isRegularFile(dir.resolve(PreinitEntry.SOURCE)));
        String out = GnuMake.make(dir, args, PreinitEntry.PROGRAM).output();
        assertTrue(out.contains("CC -c -O3 -IInclude -DPy_BUILD_CORE -o Programs/wasm-preinit.o "
                + PreinitEntry.SOURCE), out);
        assertTrue(out.contains("LINK -z stack-size=8388608 -o python-preinit.wasm Programs/wasm-preinit.o"
                + " libpython3.13.a -lwasi-emulated-signal -lz -lm"), out);
        assertFalse(out.contains("Programs/python.o"), out);
        // After python.wasm, never beside it: wasm:jar takes an older one for a stale one.
        assertTrue(out.indexOf("LINK python") < out.indexOf("-o python-preinit.wasm"), out);
    }

    private static void cpythonLikeTree(Path dir) throws Exception {
        Files.writeString(dir.resolve("Makefile"), CPYTHON_LIKE_MAKEFILE);
        Files.createDirectories(dir.resolve("Include"));
        Files.createDirectories(dir.resolve("Programs"));
        Files.writeString(dir.resolve("Include/Python.h"), "\n");
        Files.writeString(dir.resolve("libpython3.13.a"), "\n");
    }
}
