package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.python.Python;
import dev.wasmbuild.python.PythonSandbox;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What a Java program's python can reach: by default its stdlib (read-only) and a scratch /tmp,
 * nothing of the host; a mounted directory, and nothing through it.
 */
class SandboxTest {
    /** The host file a probe tries to read: the consumer's own pom, by its absolute host path. */
    private static final String HOST_FILE = Path.of("pom.xml").toAbsolutePath().toString();

    private static String run(PythonSandbox python, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = python.run(out, err, "-c", code);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Prints what opening path for reading (or writing, with mode 'w') gives: its first line, or the error's name. */
    private static String probe(String path, String mode) {
        return "import errno\ntry:\n    f = open(" + repr(path) + ", '" + mode + "')\n"
                + "    print(f.readline().strip() if 'r' in '" + mode + "' else 'written')\n"
                + "except OSError as e:\n    print(type(e).__name__, errno.errorcode.get(e.errno))\n";
    }

    /** Not found, or refused (Chicory answers EPERM for a path that climbs out with ".."). */
    private static void assertUnreachable(PythonSandbox python, String path) {
        String result = run(python, probe(path, "r"));
        assertTrue(result.equals("FileNotFoundError ENOENT\n") || result.equals("PermissionError EPERM\n"),
                path + ": " + result);
    }

    private static String repr(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void theDefaultShowsNothingOfTheHost() {
        PythonSandbox python = Python.builder().build();
        assertEquals("[]\n", run(python, "import os; print(sorted(os.listdir('/')))"));
        assertUnreachable(python, "/etc/passwd");
        assertUnreachable(python, HOST_FILE);
        assertUnreachable(python, "/tmp/../../../../etc/passwd");
        assertUnreachable(python, "../../../../../etc/passwd");
        assertEquals("OSError EROFS\n", run(python, probe("/planted.py", "w")));
        assertEquals("written\n", run(python, probe("/tmp/scratch.txt", "w")));
        assertEquals("{}\n", run(python, "import os; print(dict(os.environ))"));
        // The same through the static entry point.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Python.run(out, new ByteArrayOutputStream(), "-c", probe("/etc/passwd", "r")));
        assertEquals("FileNotFoundError ENOENT\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theStandardLibraryCannotBeChanged() {
        PythonSandbox python = Python.builder().build();
        String plant = "import json, errno\ntry:\n    open(json.__file__, 'a').write('planted = 1')\n"
                + "    print('planted')\nexcept OSError as e:\n    print(errno.errorcode[e.errno])\n";
        assertEquals("EROFS\n", run(python, plant));
        assertEquals("[1]\n", run(python, "import json; print(json.dumps([1]))"));
    }

    @Test
    void aMountShowsItsDirectoryAndNothingBeyond() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "mounted", "data"));
        Files.writeString(data.getParent().resolve("secret.txt"), "beside the mount\n");
        Files.writeString(data.resolve("in.txt"), "hello\n");
        Path etclink = data.resolve("etclink");
        Files.deleteIfExists(etclink);
        Files.createSymbolicLink(etclink, Path.of("/etc"));
        Path uplink = data.resolve("uplink");
        Files.deleteIfExists(uplink);
        Files.createSymbolicLink(uplink, Path.of(".."));
        Files.deleteIfExists(data.resolve("out.txt"));
        PythonSandbox python = Python.builder().mountReadWrite(data, "/data")
                .environment("GREETING", "hi").build();
        assertEquals("hello\n", run(python, probe("/data/in.txt", "r")));
        assertEquals("PermissionError EPERM\n", run(python, probe("/data/etclink/passwd", "r")));
        assertEquals("PermissionError EPERM\n", run(python, probe("/data/uplink/secret.txt", "r")));
        // Out and back in again ends inside: allowed, it shows nothing beyond the mount.
        assertEquals("hello\n", run(python, probe("/data/uplink/data/in.txt", "r")));
        assertUnreachable(python, "/data/../etc/passwd");
        assertUnreachable(python, "/data/../../../../etc/passwd");
        assertEquals("written\n", run(python, probe("/data/out.txt", "w")));
        assertTrue(Files.exists(data.resolve("out.txt")));
        assertEquals("hi\n", run(python, "import os; print(os.environ['GREETING'])"));

        PythonSandbox readOnly = Python.builder().mountReadOnly(data, "/data").build();
        assertEquals("hello\n", run(readOnly, probe("/data/in.txt", "r")));
        assertEquals("OSError EROFS\n", run(readOnly, probe("/data/new.txt", "w")));
        assertFalse(Files.exists(data.resolve("new.txt")));
    }

    @Test
    void memoryRunsOutAsPythonsMemoryError() {
        PythonSandbox python = Python.builder().memoryLimit(256L << 20).build();
        String code = "for make in (lambda: bytearray(1500 * 10**6), lambda: 'x' * 10**9):\n"
                + "    try:\n        make()\n        print('made')\n"
                + "    except MemoryError:\n        print('MemoryError')\n";
        assertEquals("MemoryError\nMemoryError\n", run(python, code));
        // The default limit (a quarter of the heap: surefire runs with -Xmx1g) does the same.
        assertEquals("MemoryError\n", run(Python.builder().build(),
                "try:\n    bytearray(1500 * 10**6)\nexcept MemoryError:\n    print('MemoryError')\n"));
    }
}
