package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import javax.script.Bindings;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleScriptContext;
import org.junit.jupiter.api.Test;

/** javax.script finds the engine by name; eval maps values, keeps state, reports Python errors and goes on. */
class PythonScriptEngineTest {
    @Test
    void theManagerFindsItWithoutStartingPython() {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("python");
        assertInstanceOf(PythonScriptEngine.class, engine);
        assertInstanceOf(PythonScriptEngine.class, new ScriptEngineManager().getEngineByExtension("py"));
        assertInstanceOf(PythonScriptEngine.class, new ScriptEngineManager().getEngineByMimeType("text/x-python"));
        assertEquals("python", engine.getFactory().getLanguageName());
        assertEquals("print('it''s\\\\ \\x0a')", engine.getFactory().getOutputStatement("it's\\ \n").replace("\\'", "''"));
        assertNotSame(engine, new ScriptEngineManager().getEngineByName("python"));
        ((PythonScriptEngine) engine).close();
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("1"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void evalKeepsStateAndMapsValues() throws Exception {
        RealPython.assumeJar();
        ScriptEngine python = new ScriptEngineManager().getEngineByName("python");
        try (PythonScriptEngine closing = (PythonScriptEngine) python) {
            assertEquals(42L, python.eval("6*7"));
            assertEquals(BigInteger.TWO.pow(100), python.eval("2**100"));
            assertEquals(Map.of("a", List.of(1L, 2.5)), python.eval("{'a': [1, 2.5]}"));
            assertNull(python.eval("import math\nr = 2.0"));
            assertEquals(2.0, python.get("r"), "a global comes out as a binding");
            assertEquals(12.566, (Double) python.eval("round(math.pi * r * r, 3)"), 1e-9);
            python.put("name", "Ada");
            python.put("numbers", List.of(1, 2, 3));
            assertEquals(9L, python.eval("greeting = 'hello ' + name\nlen(greeting)"));
            assertEquals("hello Ada", python.get("greeting"));
            assertEquals(6L, python.eval("sum(numbers)"));
            assertEquals(7L, ((Invocable) python).invokeFunction("max", 3, 7));
            python.eval("def add(a, b):\n    return a + b");
            assertEquals(5L, ((Invocable) python).invokeFunction("add", 2, 3));
            Adder adder = ((Invocable) python).getInterface(Adder.class);
            assertEquals(5, adder.add(2, 3));
            PythonException e = assertThrows(PythonException.class, () -> adder.add(null, 3));
            assertEquals("TypeError", e.pythonType());
        }
    }

    @Test
    void pythonErrorsAreScriptExceptionsAndTheEngineGoesOn() throws Exception {
        RealPython.assumeJar();
        try (PythonScriptEngine python = new PythonScriptEngine(Python.builder().memoryLimit(256L << 20).build())) {
            python.eval("x = 1");
            assertError(python, "ZeroDivisionError", "1/0");
            assertError(python, "NameError", "undefined_name");
            assertError(python, "SyntaxError", "def (");
            assertError(python, "MemoryError", "'x' * 10**9");
            assertError(python, "RecursionError", "def f(n):\n    return f(n + 1)\nf(0)");
            ScriptException e = assertThrows(ScriptException.class, () -> python.eval("{1}"));
            assertTrue(e.getMessage().startsWith("TypeError: a Python set has no Java value"), e.getMessage());
            assertEquals(2L, python.eval("x + 1"));
        }
    }

    @Test
    void theContextsWritersGetTheOutput() throws Exception {
        RealPython.assumeJar();
        try (PythonScriptEngine python = (PythonScriptEngine) new ScriptEngineManager().getEngineByName("python")) {
            ScriptContext context = new SimpleScriptContext();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            context.setWriter(out);
            context.setErrorWriter(err);
            Bindings bindings = python.createBindings();
            bindings.put("who", "wörld");
            context.setBindings(bindings, ScriptContext.ENGINE_SCOPE);
            assertNull(python.eval("import sys\nprint('hello', who)\nprint('新', file=sys.stderr)", context));
            assertEquals("hello wörld\n", out.toString());
            assertEquals("新\n", err.toString());
            // Another context, other writers: the output follows the eval.
            StringWriter second = new StringWriter();
            context.setWriter(second);
            python.eval("print(who.upper())", context);
            assertEquals("WÖRLD\n", second.toString());
            assertEquals("hello wörld\n", out.toString());
            // invokeFunction writes to the engine's own context.
            python.setContext(context);
            ((Invocable) python).invokeFunction("print", "from a function");
            assertEquals("WÖRLD\nfrom a function\n", second.toString());
        }
    }

    /** Python's add, as Java sees it. */
    public interface Adder {
        int add(Integer a, int b);
    }

    private static void assertError(ScriptEngine python, String type, String code) {
        ScriptException e = assertThrows(ScriptException.class, () -> python.eval(code));
        assertTrue(e.getMessage().startsWith(type), e.getMessage());
        assertEquals(type, ((PythonException) e.getCause()).pythonType());
    }
}
