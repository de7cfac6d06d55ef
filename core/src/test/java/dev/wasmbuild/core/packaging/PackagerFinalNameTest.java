package dev.wasmbuild.core.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.build.BuildLayout;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagerFinalNameTest {
    @TempDir
    Path dir;

    /** A {@code <finalName>} may hold any of these; the zip is written under it as it is. */
    @Test
    void aFinalNameWithGlobCharactersIsWrittenAndLeavesNothingBehind() throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/Lib"));
        Files.writeString(source.resolve("os.py"), "import sys\n");
        Path build = Files.createDirectories(dir.resolve("build"));
        Files.write(build.resolve("python.wasm"), new byte[] {0, 'a', 's', 'm'});
        Files.writeString(build.resolve("pybuilddir.txt"), "build/lib.wasi-wasm32-3.11\n");
        Files.createDirectories(build.resolve("build/lib.wasi-wasm32-3.11"));
        Files.writeString(build.resolve("build/lib.wasi-wasm32-3.11/_sysconfigdata.py"), "x = 1\n");
        BuildLayout layout = new BuildLayout(Target.WASI, PythonVersion.parseOrNull("3.11"), dir.resolve("src"), build);

        Path out = Files.createDirectories(dir.resolve("target"));
        Path zip = out.resolve("my{app[1]*?-wasi.zip");
        // Another project's zip in the same target/ is being written right now by a live process.
        long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Path other = out.resolve(".other-wasi.zip." + live + ".inflight.wasm-tmp");
        Files.writeString(other, "writing");

        Packager.write(layout, zip);
        byte[] first = Files.readAllBytes(zip);
        Packager.write(layout, zip);
        assertArrayEquals(first, Files.readAllBytes(zip));
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertEquals(List.of("lib/python3.11/lib-dynload/_sysconfigdata.py", "lib/python3.11/os.py", "python.wasm"),
                names);
        try (var left = Files.list(out)) {
            assertEquals(Set.of(zip, other), Set.copyOf(left.toList()));
        }
    }
}
