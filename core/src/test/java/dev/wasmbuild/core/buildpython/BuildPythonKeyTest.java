package dev.wasmbuild.core.buildpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.WasmBuildException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build Python's cache directory follows the source's content, not its location. */
class BuildPythonKeyTest {
    @TempDir
    Path dir;

    private Path source(String name, String configure, String module) throws Exception {
        Path s = dir.resolve(name);
        Files.createDirectories(s.resolve("Modules"));
        Files.createDirectories(s.resolve("Include"));
        Files.writeString(s.resolve("configure"), configure);
        Files.writeString(s.resolve("Include/patchlevel.h"), "#define PY_VERSION \"3.11.2\"\n");
        Files.writeString(s.resolve("Modules/x.c"), module);
        return s;
    }

    @Test
    void theSameContentInTwoPlacesSharesOneDirectory() throws Exception {
        BuildPython cache = new BuildPython(dir.resolve("cache"));
        Path a = source("a", "#!/bin/sh\n", "int x;\n");
        Path b = source("b", "#!/bin/sh\n", "int x;\n");
        assertEquals(cache.directoryFor(a), cache.directoryFor(b));
        assertEquals(dir.resolve("cache"), cache.directoryFor(a).getParent());
        assertTrue(cache.directoryFor(a).getFileName().toString().matches("[0-9a-f]{16}"));
    }

    @Test
    void aDifferentConfigureOfTheSameSizeGetsAnotherDirectory() throws Exception {
        // configure is read in full, since it decides the native build.
        assertNotEquals(BuildPython.key(source("a", "#!/bin/sh\n", "int x;\n")),
                BuildPython.key(source("b", "#!/bin/bash", "int x;\n")));
    }

    @Test
    void aFileOfAnotherSizeGetsAnotherDirectory() throws Exception {
        assertNotEquals(BuildPython.key(source("a", "#!/bin/sh\n", "int x;\n")),
                BuildPython.key(source("b", "#!/bin/sh\n", "int xy;\n")));
    }

    @Test
    void anAddedFileGetsAnotherDirectory() throws Exception {
        Path a = source("a", "#!/bin/sh\n", "int x;\n");
        String before = BuildPython.key(a);
        Files.writeString(a.resolve("Modules/y.c"), "");
        assertNotEquals(before, BuildPython.key(a));
    }

    @Test
    void ordinaryFilesCountBySizeOnlyByDesign() throws Exception {
        // Hashing every file's content would cost seconds per build; see BuildPython.key.
        assertEquals(BuildPython.key(source("a", "#!/bin/sh\n", "int x;\n")),
                BuildPython.key(source("b", "#!/bin/sh\n", "int y;\n")));
    }

    @Test
    void anInTreeBuilddirAndBytecodeCachesDoNotChangeTheKey() throws Exception {
        Path a = source("a", "#!/bin/sh\n", "int x;\n");
        String before = BuildPython.key(a);
        Files.createDirectories(a.resolve("builddir/wasi"));
        Files.writeString(a.resolve("builddir/wasi/python.wasm"), "wasm");
        Files.createDirectories(a.resolve("Lib/__pycache__"));
        Files.writeString(a.resolve("Lib/__pycache__/os.cpython-311.pyc"), "pyc");
        assertEquals(before, BuildPython.key(a));
    }

    @Test
    void aMissingSourceTreeNamesTheSourceSettingsAndTheCause() {
        Path missing = dir.resolve("no-such-source");
        WasmBuildException e = assertThrows(WasmBuildException.class, () -> BuildPython.key(missing));
        assertEquals("cannot read the source tree " + missing + " ({sourceDirectory} or {sourceArchive}): no such"
                + " file or directory (NoSuchFileException: " + missing + ")", e.getMessage());
    }
}
