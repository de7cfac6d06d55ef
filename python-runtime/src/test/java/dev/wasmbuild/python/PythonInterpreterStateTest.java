package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** An interpreter keeps its definitions from call to call; several live at once, each in its own sandbox. */
class PythonInterpreterStateTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void definitionsStayFromCallToCall() {
        try (PythonInterpreter python = RealPython.interpreter(Python.builder(), out, err)) {
            python.exec("import json\ncount = 0\ndef bump(n=1):\n    global count\n    count += n\n    return count");
            assertEquals(1L, python.call("bump"));
            assertEquals(6L, python.call("bump", 5));
            assertEquals(6L, python.eval("count"));
            assertEquals("[6]", python.eval("json.dumps([count])"));
            python.exec("print('to stdout', count)\nimport sys\nprint('to stderr', file=sys.stderr)");
            assertEquals("to stdout 6\n", RealPython.text(out));
            assertEquals("to stderr\n", RealPython.text(err));
            assertTrue(python.isAlive());
            // User code runs as __main__ with nothing of the runtime's in sight.
            assertEquals(List.of("__main__", List.of("")), python.eval("[__name__, __import__('sys').argv]"));
            assertEquals(List.of("bump", "count", "json", "sys"),
                    python.eval("sorted(k for k in globals() if not k.startswith('__'))"));
        }
    }

    @Test
    void aClosedInterpreterSaysSo() {
        PythonInterpreter python = RealPython.interpreter(Python.builder(), out, err);
        python.exec("x = 1");
        python.close();
        assertFalse(python.isAlive());
        PythonStoppedException e = assertThrows(PythonStoppedException.class, () -> python.eval("x"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        python.close();
    }

    @Test
    void interpretersShareNothing() throws Exception {
        try (PythonInterpreter a = RealPython.interpreter(Python.builder(), out, err);
                PythonInterpreter b = Python.builder().build().interpreter(out, err)) {
            a.exec("import os\nsecret = 'a'\nopen('/tmp/mine', 'w').write('a')");
            PythonException e = assertThrows(PythonException.class, () -> b.eval("secret"));
            assertEquals("NameError", e.pythonType());
            assertEquals(false, b.eval("__import__('os').path.exists('/tmp/mine')"));
            assertEquals(List.of(), b.eval("__import__('os').listdir('/')"));
        }
    }

    /** Two interpreters in parallel threads, and one interpreter called from many threads (served in turn). */
    @Test
    void threads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (PythonInterpreter a = RealPython.interpreter(Python.builder(), out, err);
                PythonInterpreter b = Python.builder().build().interpreter(out, err)) {
            a.exec("n = 0\ndef add():\n    global n\n    m = n\n    for i in range(100): pass\n    n = m + 1\n    return n");
            b.exec("n = 0\ndef add():\n    global n\n    n += 1\n    return n");
            List<Callable<Object>> work = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                PythonInterpreter target = i % 2 == 0 ? a : b;
                work.add(() -> target.call("add"));
            }
            for (Future<Object> f : pool.invokeAll(work)) {
                f.get();
            }
            // Calls are served one at a time: no update of n is lost.
            assertEquals(20L, a.eval("n"));
            assertEquals(20L, b.eval("n"));
        } finally {
            pool.shutdownNow();
        }
    }
}
