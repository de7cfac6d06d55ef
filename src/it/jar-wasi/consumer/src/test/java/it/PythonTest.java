package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.python.Python;
import dev.wasmbuild.python.PythonSandbox;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PythonTest {

    @Test
    void printsTheAnswer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Python.run(out, err, "-c", "print(6*7)");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("42\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exitStatusAndStderrComeBack() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Python.run(out, err, "-c", "import sys, json; print(json.dumps([1]), file=sys.stderr); sys.exit(3)");
        assertEquals(3, status);
        assertEquals("[1]\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void renameWorks() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Python.run(out, err, "-c", "import os; open('/tmp/a', 'w').write('x');"
                + " os.replace('/tmp/a', '/tmp/b'); print(open('/tmp/b').read(), os.path.exists('/tmp/a'))");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("x False\n", out.toString(StandardCharsets.UTF_8));
    }

    /**
     * The jar holds CPython pre-initialised: it runs a script and -m itself, as python would
     * (argv, sys.path[0], exit status), and starts CPython afresh for options such as -I. The
     * project's directory is mounted at / as java -jar mounts the working directory.
     */
    @Test
    void scriptsModulesAndOptionsRunAsPythonWould() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "py"));
        Files.writeString(dir.resolve("hello.py"), "import sys\nprint(sys.argv, sys.path[0])\nsys.exit(5)\n");
        Files.writeString(dir.resolve("numbers.json"), "[1, 2]");
        assertRun(5, "['target/py/hello.py', 'a'] /target/py\n", "target/py/hello.py", "a");
        assertRun(0, "[\n    1,\n    2\n]\n", "-m", "json.tool", "target/py/numbers.json");
        assertRun(0, "1\n", "-I", "-c", "import sys; print(sys.flags.isolated)");
        // What python's own main does: a directory's __main__.py, and a missing file's message.
        Files.writeString(dir.resolve("__main__.py"), "print('from the directory')\n");
        assertRun(0, "from the directory\n", "target/py");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, PROJECT.run(new ByteArrayOutputStream(), err, "target/py/missing.py"));
        // CPython's own wording; it makes the path absolute against "/" as "//target/...".
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("can't open file '") && message.contains("/target/py/missing.py': [Errno 44]"),
                message);
    }

    private static final PythonSandbox PROJECT = Python.builder()
            .mountReadWrite(Path.of("").toAbsolutePath(), "/").build();

    private static void assertRun(int status, String output, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(status, PROJECT.run(out, err, args), err.toString(StandardCharsets.UTF_8));
        assertEquals(output, out.toString(StandardCharsets.UTF_8));
    }
}
