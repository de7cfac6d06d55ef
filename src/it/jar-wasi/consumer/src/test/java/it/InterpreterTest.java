package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.python.Python;
import dev.wasmbuild.python.PythonException;
import dev.wasmbuild.python.PythonInterpreter;
import dev.wasmbuild.python.PythonStoppedException;
import dev.wasmbuild.python.PythonTimeoutException;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;

/** The embedding API end to end, from the jar alone: state, values, errors, a time limit, javax.script. */
class InterpreterTest {

    @Test
    void anInterpreterKeepsStateAndExchangesValues() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PythonInterpreter python = Python.builder().build().interpreter(out, new ByteArrayOutputStream())) {
            python.exec("import json\ndef greet(name, times=1):\n    print('greeting', name)\n"
                    + "    return ['hello ' + name] * times");
            assertEquals(List.of("hello Ada", "hello Ada"), python.call("greet", "Ada", 2));
            assertEquals("greeting Ada\n", out.toString(StandardCharsets.UTF_8));
            assertEquals(BigInteger.TWO.pow(100), python.eval("2**100"));
            python.set("prices", Map.of("tea", 2.5));
            assertEquals(Map.of("tea", 2.5, "n", Arrays.asList(1L, null)),
                    python.eval("dict(json.loads(json.dumps(prices)), n=(1, None))"));
            PythonException e = assertThrows(PythonException.class, () -> python.eval("json.loads('{')"));
            assertEquals("json.decoder.JSONDecodeError", e.pythonType());
            assertTrue(e.pythonTraceback().startsWith("Traceback"), e.pythonTraceback());
            e = assertThrows(PythonException.class, () -> python.eval("{1, 2}"));
            assertTrue(e.getMessage().contains("set"), e.getMessage());
            assertEquals(3L, python.call("len", List.of(1, 2, 3)));
        }
    }

    @Test
    void aRunawayCallIsStopped() {
        try (PythonInterpreter python = Python.builder().callTimeLimit(Duration.ofSeconds(2)).build()
                .interpreter(new ByteArrayOutputStream(), new ByteArrayOutputStream())) {
            assertThrows(PythonTimeoutException.class, () -> python.exec("while True: pass"));
            assertThrows(PythonStoppedException.class, () -> python.eval("1"));
        }
    }

    @Test
    void javaxScriptFindsPython() throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("python");
        try (AutoCloseable closing = (AutoCloseable) engine) {
            StringWriter out = new StringWriter();
            engine.getContext().setWriter(out);
            assertEquals(42L, engine.eval("6*7"));
            engine.put("name", "Ada");
            assertEquals(null, engine.eval("greeting = 'hello ' + name\nprint(greeting)"));
            assertEquals("hello Ada", engine.get("greeting"));
            assertEquals("hello Ada\n", out.toString());
            ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("1/0"));
            assertTrue(e.getMessage().startsWith("ZeroDivisionError"), e.getMessage());
            assertEquals(Map.of("k", 1L), engine.eval("{'k': 1}"));
        }
    }
}
