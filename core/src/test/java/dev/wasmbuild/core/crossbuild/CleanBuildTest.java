package dev.wasmbuild.core.crossbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.buildpython.BuildPython;
import dev.wasmbuild.core.source.CPythonSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wasm:clean checks everything, and works out what to delete, before it deletes anything. */
class CleanBuildTest {
    private static final String CONFIGURE = "#!/bin/sh\nPACKAGE_VERSION='3.11'\n";

    @TempDir
    Path dir;
    Path build;
    Path toolCache;
    Path source;

    @BeforeEach
    void aBuildAndItsCachedBuildPython() throws Exception {
        build = Files.createDirectories(dir.resolve("target/wasm/wasi"));
        Files.writeString(build.resolve("python.wasm"), "\0asm");
        toolCache = dir.resolve("cache");
        source = Files.createDirectories(dir.resolve("cpython"));
        Files.writeString(source.resolve("configure"), CONFIGURE);
        Path cached = Files.createDirectories(BuildPython.inToolCache(toolCache).directoryFor(source));
        Files.writeString(cached.resolve("python"), "");
    }

    private Path cachedBuildPython() throws Exception {
        return BuildPython.inToolCache(toolCache).directoryFor(source);
    }

    @Test
    void deletesTheBuildDirectoryAndOnRequestTheBuildPython() throws Exception {
        List<String> log = new ArrayList<>();
        CleanBuild.prepare(build, toolCache, null).run(log::add);
        assertFalse(Files.exists(build));
        assertTrue(Files.isDirectory(cachedBuildPython()), "kept unless asked for");
        Path cached = cachedBuildPython();
        CleanBuild.prepare(build, toolCache, CPythonSource.open(source, Setting.SOURCE_DIRECTORY)).run(log::add);
        assertFalse(Files.exists(cached));
        assertEquals(List.of("Deleted " + build, "Nothing to delete: no " + build,
                "Deleted the build Python " + cached), log);
    }

    @Test
    void aSourceThatCannotBeUnpackedLeavesEverythingInPlace() throws Exception {
        // An archive whose unpacking fails (a full disk, say): the build directory was already
        // checked, and would be gone if deleting came first.
        CPythonSource archive = CPythonSource.pending(dir.resolve("out/sources/Python-3.11.9"), CONFIGURE, null,
                Setting.SOURCE_ARCHIVE, () -> {
                    throw new WasmBuildException("cannot unpack: No space left on device");
                });
        assertThrows(WasmBuildException.class, () -> CleanBuild.prepare(build, toolCache, archive));
        assertTrue(Files.isRegularFile(build.resolve("python.wasm")));
        assertTrue(Files.isDirectory(cachedBuildPython()));
    }

    @Test
    void aFileWhereTheBuildDirectoryShouldBeIsRefusedAndNothingIsDeleted() throws Exception {
        Path notABuild = Files.writeString(dir.resolve("target/wasm/emscripten-node"), "someone's notes");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> CleanBuild.prepare(notABuild, toolCache, CPythonSource.open(source, Setting.SOURCE_DIRECTORY)));
        assertEquals(Setting.OUTPUT_DIRECTORY, e.setting());
        assertTrue(e.getMessage().startsWith(notABuild + " is not a build directory but a file"), e.getMessage());
        assertEquals("someone's notes", Files.readString(notABuild));
        assertTrue(Files.isDirectory(cachedBuildPython()), "the build Python, deleted second, is kept too");
    }
}
