package dev.wasmbuild.core.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.build.BuildLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same build packaged in two project directories, at two times of day, gives the same bytes. */
class PackagerReproducibilityTest {
    @TempDir
    Path tmp;

    /** A finished wasi build of project {@code name}, with a _sysconfigdata naming its directories. */
    private BuildLayout build(String name) throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("Lib/json"));
        Files.writeString(src.resolve("Lib/os.py"), "# os\n");
        Files.writeString(src.resolve("Lib/json/__init__.py"), "# json\n");
        Path b = tmp.resolve(name).resolve("target/wasm/wasi");
        Files.createDirectories(b.resolve("build/lib.wasi-wasm32-3.11"));
        Files.write(b.resolve("python.wasm"), new byte[] {0, 'a', 's', 'm'});
        Files.writeString(b.resolve("pybuilddir.txt"), "build/lib.wasi-wasm32-3.11\n");
        Files.writeString(b.resolve("build/lib.wasi-wasm32-3.11/_sysconfigdata__wasi_wasm32-wasi.py"),
                "build_time_vars = {'abs_builddir': '" + b + "', 'srcdir': '" + src + "', 'CFLAGS':"
                        + " '-ffile-prefix-map=" + b + "=/cpython/build'}\n");
        return new BuildLayout(Target.WASI, new PythonVersion(3, 11), src, b);
    }

    @Test
    void twoProjectDirectoriesGiveTheSameZip() throws Exception {
        Path one = Packager.write(build("one"), tmp.resolve("one.zip"));
        Path two = Packager.write(build("two"), tmp.resolve("two.zip"));
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        try (ZipFile z = new ZipFile(one.toFile())) {
            ZipEntry e = z.getEntry("lib/python3.11/lib-dynload/_sysconfigdata__wasi_wasm32-wasi.py");
            String data = new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(data.contains(tmp.toString()), data);
            assertTrue(data.contains("'abs_builddir': '/cpython/build'"), data);
            assertTrue(data.contains("'srcdir': '/cpython/src'"), data);
        }
    }

    @Test
    void outputTimestampIsEveryEntrysTimeWhateverTheTimeZone() throws Exception {
        EntryTime time = EntryTime.parse("2024-05-06T07:08:10+02:00");
        Path zip = Packager.write(build("one"), tmp.resolve("t.zip"), time);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(3 + 1, z.size());
            z.stream().forEach(e -> {
                assertEquals(LocalDateTime.parse("2024-05-06T05:08:10"), e.getTimeLocal(), e.getName());
                assertEquals(null, e.getExtra(), e.getName());
            });
        }
        assertEquals(Instant.ofEpochSecond(1704067200L), EntryTime.parse("1704067200").instant());
        assertEquals(EntryTime.DEFAULT, EntryTime.parse(""));
        assertEquals(EntryTime.DEFAULT, EntryTime.parse(null));
        ConfigurationException bad = assertThrows(ConfigurationException.class,
                () -> EntryTime.parse("yesterday"));
        assertTrue(bad.getMessage().contains("project.build.outputTimestamp"), bad.getMessage());
        assertThrows(ConfigurationException.class, () -> EntryTime.parse("1970-01-01T00:00:00Z"));
    }
}
