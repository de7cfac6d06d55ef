package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unpacked stdlib is checked before use: a changed copy is unpacked again, a foreign one refused. */
class StandardLibraryCheckTest {
    @TempDir
    Path dir;

    private static Supplier<InputStream> zip() {
        return () -> {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                    for (String[] e : new String[][] {{"python3.11/os.py", "# os"},
                            {"python3.11/json/__init__.py", "# json"}}) {
                        out.putNextEntry(new ZipEntry(e[0]));
                        out.write(e[1].getBytes(StandardCharsets.UTF_8));
                        out.closeEntry();
                    }
                }
                return new ByteArrayInputStream(bytes.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static void makeWritable(Path lib) throws IOException {
        try (Stream<Path> tree = Files.walk(lib)) {
            tree.forEach(p -> p.toFile().setWritable(true, true));
        }
    }

    @Test
    void unpacksOnceAndLeavesTheFilesReadOnly() throws Exception {
        Path base = dir.resolve("home");
        Path lib = StandardLibrary.open(base, "python3.11", zip());
        assertEquals("# json", Files.readString(lib.resolve("json/__init__.py")));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(lib.resolve("json/__init__.py"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(base)));
        assertNull(StandardLibrary.damage(base, lib));
        try (Stream<Path> left = Files.list(base)) {
            assertEquals(1, left.count(), "no unpacking* or damaged* directory stays");
        }
    }

    @Test
    void plantedCodeIsReplacedByAFreshCopy() throws Exception {
        Path base = dir.resolve("home");
        Path lib = StandardLibrary.open(base, "python3.11", zip());
        makeWritable(lib);
        Files.writeString(lib.resolve("json/__init__.py"), "# json\nimport os; os.system('evil')\n");
        Files.writeString(lib.resolve("sitecustomize.py"), "evil()\n");
        assertTrue(StandardLibrary.damage(base, lib).contains("changed")
                || StandardLibrary.damage(base, lib).contains("not unpacked"));
        Path again = StandardLibrary.open(base, "python3.11", zip());
        assertEquals("# json", Files.readString(again.resolve("json/__init__.py")));
        assertFalse(Files.exists(again.resolve("sitecustomize.py")));
    }

    @Test
    void aThinnedOutCopyIsRepaired() throws Exception {
        // A tmp cleaner deleted a file: import json failed forever before.
        Path base = dir.resolve("home");
        Path lib = StandardLibrary.open(base, "python3.11", zip());
        makeWritable(lib);
        Files.delete(lib.resolve("json/__init__.py"));
        assertEquals("1 files are missing", StandardLibrary.damage(base, lib));
        StandardLibrary.open(base, "python3.11", zip());
        assertEquals("# json", Files.readString(lib.resolve("json/__init__.py")));
    }

    @Test
    void aCopyOthersCanWriteToIsRefused() throws Exception {
        // Another user's directory would show as a foreign owner; group write is what a test can make.
        Path base = Files.createDirectories(dir.resolve("home"));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException e = assertThrows(IOException.class, () -> StandardLibrary.open(base, "python3.11", zip()));
        assertTrue(e.getMessage().contains("writable by other users") && e.getMessage().contains(base.toString())
                && e.getMessage().contains("wasm.python.home"), e.getMessage());
        assertFalse(Files.exists(base.resolve("python3.11")));
    }

    @Test
    void aFailedUnpackLeavesNoStagingDirectory() throws Exception {
        Path base = dir.resolve("home");
        Supplier<InputStream> broken = () -> new ByteArrayInputStream(new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThrows(IOException.class, () -> StandardLibrary.open(base, "python3.11", broken));
        try (Stream<Path> left = Files.list(base)) {
            assertEquals(0, left.count());
        }
    }
}
