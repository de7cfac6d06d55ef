package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Runaway code, memory, output and recursion end in clear exceptions; the JVM and other interpreters go on. */
class PythonInterpreterLimitsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aRunawayLoopStopsAtTheTimeLimit() {
        try (PythonInterpreter python = RealPython.interpreter(
                Python.builder().callTimeLimit(Duration.ofSeconds(2)), out, err)) {
            python.exec("x = 1");
            long start = System.nanoTime();
            PythonTimeoutException e = assertThrows(PythonTimeoutException.class, () -> python.exec("while True: pass"));
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 20, "stopped after " + seconds + " s");
            assertTrue(e.getMessage().contains("time limit of 2000 ms"), e.getMessage());
            assertFalse(python.isAlive());
            PythonStoppedException later = assertThrows(PythonStoppedException.class, () -> python.eval("x"));
            assertTrue(later.getMessage().contains("time limit") && later.getMessage().contains("cannot be used again"),
                    later.getMessage());
        }
        // The JVM is fine: a new interpreter works.
        try (PythonInterpreter python = Python.builder().build().interpreter(out, err)) {
            assertEquals(2L, python.eval("1 + 1"));
        }
    }

    @Test
    void interruptingTheCallerStopsThePython() throws Exception {
        try (PythonInterpreter python = RealPython.interpreter(Python.builder(), out, err)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    python.exec("while True: pass");
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            caller.start();
            Thread.sleep(1500);
            caller.interrupt();
            caller.join(20_000);
            assertFalse(caller.isAlive());
            assertInstanceOf(PythonStoppedException.class, thrown.get());
            assertTrue(thrown.get().getMessage().contains("interrupted"), thrown.get().getMessage());
        }
    }

    @Test
    void memoryStopsAtTheLimitAsMemoryError() {
        try (PythonInterpreter python = RealPython.interpreter(Python.builder().memoryLimit(256L << 20), out, err)) {
            PythonException e = assertThrows(PythonException.class, () -> python.eval("len(bytearray(500 * 10**6))"));
            assertEquals("MemoryError", e.pythonType());
            // wasm32: a size past 2 GiB is an OverflowError before any allocation, never the JVM's heap.
            e = assertThrows(PythonException.class, () -> python.eval("'x' * 10**10"));
            assertTrue(e.pythonType().equals("MemoryError") || e.pythonType().equals("OverflowError"), e.getMessage());
            assertEquals(1_000_000L, python.eval("len(bytearray(10**6))"));
        }
    }

    @Test
    void outputStopsAtTheLimit() {
        try (PythonInterpreter python = RealPython.interpreter(Python.builder().callOutputLimit(10_000), out, err)) {
            PythonOutputLimitException e = assertThrows(PythonOutputLimitException.class,
                    () -> python.exec("print('x' * 50_000)"));
            assertTrue(e.getMessage().contains("10000 bytes"), e.getMessage());
            assertThrows(PythonOutputLimitException.class, () -> python.exec("for i in range(100_000): print(i)"));
            assertTrue(out.size() <= 10_000, "" + out.size());
            out.reset();
            python.exec("print('ok')");
            assertEquals("ok\n", RealPython.text(out), "nothing left over from the calls past the limit");
            // The limit is per call.
            python.exec("print('y' * 9_000)");
            python.exec("print('y' * 9_000)");
        }
    }

    @Test
    void deepRecursionIsARecursionErrorOrAStoppedInterpreter() {
        try (PythonInterpreter python = RealPython.interpreter(Python.builder(), out, err)) {
            python.exec("import sys\ndef f(n):\n    return f(n + 1)\n"
                    + "def nest(n):\n    l = []\n    for i in range(n):\n        l = [l]\n    return l");
            PythonException e = assertThrows(PythonException.class, () -> python.eval("f(0)"));
            assertEquals("RecursionError", e.pythonType());
            assertTrue(e.pythonTraceback().contains("[Previous line repeated"), e.pythonTraceback());
            e = assertThrows(PythonException.class, () -> python.eval("repr(nest(100_000))"));
            assertEquals("RecursionError", e.pythonType());
            assertEquals(3L, python.eval("1 + 2"));
            // Past python's own C stack: the interpreter stops, the JVM's thread stack is untouched.
            python.exec("sys.setrecursionlimit(10**6)");
            PythonStoppedException stopped = assertThrows(PythonStoppedException.class,
                    () -> python.eval("len(repr(nest(500_000)))"));
            assertTrue(stopped.getMessage().contains("stack overflowed"), stopped.getMessage());
        }
    }
}
