package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mount or variable that cannot work is refused when the sandbox is set up, naming it. */
class PythonSandboxBuilderTest {
    @TempDir
    Path dir;

    private void refused(String expected, Runnable setup) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, setup::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void badGuestPathsAreRefused() {
        refused("data", () -> Python.builder().mountReadOnly(dir, "data"));
        refused("/data/../etc", () -> Python.builder().mountReadOnly(dir, "/data/../etc"));
        refused("/tmp", () -> Python.builder().mountReadWrite(dir, "/tmp"));
        refused("/usr/local/lib/python3.11", () -> Python.builder().mountReadWrite(dir, "/usr/local/lib/python3.11"));
        refused("twice", () -> Python.builder().mountReadOnly(dir, "/a").mountReadWrite(dir, "/a"));
    }

    @Test
    void aMissingHostDirectoryIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        refused("not a directory", () -> Python.builder().mountReadOnly(dir.resolve("missing"), "/m"));
        refused("not a directory", () -> Python.builder().mountReadOnly(file, "/m"));
    }

    @Test
    void badVariablesAreRefused() {
        refused("A=B", () -> Python.builder().environment("A=B", "c"));
        refused("not an environment variable", () -> Python.builder().environment("", "c"));
    }
}
