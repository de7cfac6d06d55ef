package dev.wasmbuild.core.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.build.BuildLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the deployable zip holds, and that the same build always gives the same bytes. */
class PackagerTest {
    @TempDir
    Path dir;
    Path source;
    Path build;

    @BeforeEach
    void aFinishedWasiBuild() throws Exception {
        source = dir.resolve("src");
        build = dir.resolve("build");
        for (String f : List.of("os.py", "json/__init__.py", "json/__pycache__/x.cpython-311.pyc", "stray.pyc",
                "test/test_os.py", "idlelib/idle.py", "tkinter/__init__.py", "lib2to3/tests/t.py",
                "lib2to3/main.py", "unittest/test/t.py", "unittest/case.py", "ensurepip/__init__.py")) {
            write(source.resolve("Lib").resolve(f), f);
        }
        write(build.resolve("python.wasm"), "\0asm");
        write(build.resolve("pybuilddir.txt"), "build/lib.wasi-wasm32-3.11\n");
        write(build.resolve("build/lib.wasi-wasm32-3.11/_sysconfigdata__wasi_wasm32-wasi.py"), "build_time_vars = {}");
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private BuildLayout layout(Target target) {
        return new BuildLayout(target, new PythonVersion(3, 11), source, build);
    }

    private static List<ZipEntry> entries(Path zip) throws Exception {
        List<ZipEntry> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void wasiZipHoldsTheModuleAndTheStdlibWhereTheDefaultPrefixLooks() throws Exception {
        Path zip = Packager.write(layout(Target.WASI), dir.resolve("out.zip"));
        // Sorted, and without tests, IDEs, GUI toolkits, ensurepip or bytecode.
        assertEquals(List.of(
                "lib/python3.11/json/__init__.py",
                "lib/python3.11/lib-dynload/_sysconfigdata__wasi_wasm32-wasi.py",
                "lib/python3.11/lib2to3/main.py",
                "lib/python3.11/os.py",
                "lib/python3.11/unittest/case.py",
                "python.wasm"), entries(zip).stream().map(ZipEntry::getName).toList());
    }

    @Test
    void entryContentIsTheFilesContent() throws Exception {
        Path zip = Packager.write(layout(Target.WASI), dir.resolve("out.zip"));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (e.getName().equals("lib/python3.11/os.py")) {
                    assertEquals("os.py", new String(in.readAllBytes()));
                    return;
                }
            }
        }
        throw new AssertionError("os.py is not in the zip");
    }

    @Test
    void theSameInputGivesTheSameBytesWhateverTheFileTimes() throws Exception {
        Path first = Packager.write(layout(Target.WASI), dir.resolve("a.zip"));
        // Touch a file: its modification time must not reach the zip.
        Files.setLastModifiedTime(source.resolve("Lib/os.py"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 86_400_000L));
        Path second = Packager.write(layout(Target.WASI), dir.resolve("b.zip"));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void everyEntryHasTheSameFixedTime() throws Exception {
        Path zip = Packager.write(layout(Target.WASI), dir.resolve("out.zip"));
        List<Long> times = entries(zip).stream().map(e -> e.getLastModifiedTime().toMillis()).distinct().toList();
        assertEquals(1, times.size(), times.toString());
        // 1980-02-01: a time every zip reader can represent, far from any real build.
        assertTrue(times.get(0) < 400_000_000_000L, times.toString());
    }

    @Test
    void browserZipCarriesThePageFilesAndNoSeparateStdlib() throws Exception {
        for (String f : List.of("python.html", "python.js", "python.data")) {
            write(build.resolve(f), f);
        }
        Path zip = Packager.write(layout(Target.EMSCRIPTEN_BROWSER), dir.resolve("out.zip"));
        assertEquals(List.of("python.data", "python.html", "python.js", "python.wasm"),
                entries(zip).stream().map(ZipEntry::getName).toList());
    }

    @Test
    void nodeZipTakesTheWorkerWhenThereIsOne() throws Exception {
        write(build.resolve("python.js"), "js");
        write(build.resolve("python.worker.js"), "worker");
        List<String> names = entries(Packager.write(layout(Target.EMSCRIPTEN_NODE), dir.resolve("out.zip"))).stream()
                .map(ZipEntry::getName).toList();
        assertTrue(names.containsAll(List.of("python.js", "python.wasm", "python.worker.js", "lib/python3.11/os.py")),
                names.toString());
    }

    @Test
    void aMissingBuildOutputIsAFailureNamingTheFile() {
        WasmBuildException e = assertThrows(WasmBuildException.class,
                () -> Packager.write(layout(Target.EMSCRIPTEN_NODE), dir.resolve("out.zip")));
        assertTrue(e.getMessage().contains(build.resolve("python.js").toString()), e.getMessage());
    }

    @Test
    void aStdlibThatCannotBeReadNamesTheSourceSettingsAndTheCause() throws Exception {
        Path lib = source.resolve("Lib");
        try (var files = Files.walk(lib)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        WasmBuildException e = assertThrows(WasmBuildException.class,
                () -> Packager.write(layout(Target.WASI), dir.resolve("out.zip")));
        assertEquals("cannot read " + lib + " ({sourceDirectory} or {sourceArchive}): no such file or directory"
                + " (NoSuchFileException: " + lib + ")", e.getMessage());
    }
}
