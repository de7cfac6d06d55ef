package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmbuild.python.Python;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
}
