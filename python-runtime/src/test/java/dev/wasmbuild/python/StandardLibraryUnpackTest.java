package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking lib.zip from the jar: into place whole, and never outside its directory. */
class StandardLibraryUnpackTest {
    @TempDir
    Path dir;

    private static ByteArrayInputStream zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Test
    void unpacksTheStdlibIntoItsDirectory() throws Exception {
        Path base = dir.resolve("home");
        Path lib = base.resolve("python3.11");
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("python3.11/", "");
        entries.put("python3.11/os.py", "# os");
        entries.put("python3.11/lib-dynload/_sysconfigdata.py", "vars = {}");
        StandardLibrary.unpack(base, lib, zip(entries));
        assertEquals("# os", Files.readString(lib.resolve("os.py")));
        assertEquals("vars = {}", Files.readString(lib.resolve("lib-dynload/_sysconfigdata.py")));
    }

    @Test
    void refusesAnEntryThatClimbsOutOfTheDirectory() throws Exception {
        Path base = dir.resolve("home");
        IOException e = assertThrows(IOException.class, () -> StandardLibrary.unpack(base,
                base.resolve("python3.11"), zip(Map.of("python3.11/../../evil.py", "boom"))));
        assertTrue(e.getMessage().contains("leaves its directory"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("evil.py")));
        assertFalse(Files.exists(base.resolve("evil.py")));
    }

    @Test
    void refusesAnAbsoluteEntry() throws Exception {
        Path target = dir.resolve("absolute.py");
        Path base = dir.resolve("home");
        assertThrows(IOException.class, () -> StandardLibrary.unpack(base, base.resolve("python3.11"),
                zip(Map.of(target.toString(), "boom"))));
        assertFalse(Files.exists(target));
    }

    @Test
    void anotherProcessHavingUnpackedFirstIsFine() throws Exception {
        // Two JVMs starting at once both unpack; the loser finds os.py in place and goes on.
        Path base = dir.resolve("home");
        Path lib = base.resolve("python3.11");
        StandardLibrary.unpack(base, lib, zip(Map.of("python3.11/os.py", "# first")));
        StandardLibrary.unpack(base, lib, zip(Map.of("python3.11/os.py", "# second")));
        assertEquals("# first", Files.readString(lib.resolve("os.py")));
    }

    @Test
    void aZipWithoutTheStdlibDirectoryFails() throws Exception {
        Path base = dir.resolve("home");
        assertThrows(IOException.class, () -> StandardLibrary.unpack(base, base.resolve("python3.11"),
                zip(Map.of("python3.12/os.py", "# wrong version"))));
        assertFalse(Files.exists(base.resolve("python3.11/os.py")));
    }
}
