package dev.wasmbuild.jarcompiler;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What wasm:jar says when Chicory leaves functions to its interpreter (names as CPython 3.13.5's python.wasm has them). */
class InterpretedWarningTest {

    @Test
    void nothingInterpretedSaysNothing() {
        assertEquals(Optional.empty(), PythonJar.interpretedWarning(List.of()));
    }

    @Test
    void theEvalLoopIsNamedFirstAndLoudly() {
        String w = PythonJar.interpretedWarning(List.of("_PyUnicode_InitStaticStrings", "_PyEval_EvalFrameDefault"))
                .orElseThrow();
        assertTrue(w.startsWith("CPython's eval loop, _PyEval_EvalFrameDefault, is too large for a JVM method"), w);
        assertTrue(w.contains("Functions left to the interpreter: _PyUnicode_InitStaticStrings,"
                + " _PyEval_EvalFrameDefault. {step:build} compiles the eval loop of CPython 3.13"), w);
    }

    @Test
    void otherFunctionsAreListed() {
        assertEquals(Optional.of("Chicory could not compile these functions to JVM methods (over the JVM's 64 KB"
                + " method limit); they run in its interpreter, slower: _PyUnicode_InitStaticStrings"),
                PythonJar.interpretedWarning(List.of("_PyUnicode_InitStaticStrings")));
    }
}
