package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The tests that need a real CPython: they run when a python jar made by wasm:jar is on the
 * test class path ({@code mvn test -Dwasm.python.jar=/path/python-wasi.jar}) and are skipped
 * otherwise, so that a plain {@code mvn test} needs no CPython build.
 */
final class RealPython {
    private RealPython() {
    }

    static void assumeJar() {
        assumeTrue(Python.class.getResource(PythonJarLayout.WASM) != null
                        && Python.class.getResource(PythonJarLayout.STDLIB_ZIP) != null,
                "no python jar on the class path (-Dwasm.python.jar=/path/python-wasi.jar)");
    }

    /** An interpreter whose output is collected in out and err. */
    static PythonInterpreter interpreter(PythonSandbox.Builder sandbox, ByteArrayOutputStream out,
            ByteArrayOutputStream err) {
        assumeJar();
        return sandbox.build().interpreter(out, err);
    }

    static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
