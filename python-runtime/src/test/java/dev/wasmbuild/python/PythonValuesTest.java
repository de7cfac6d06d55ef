package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values of every listed type cross in both directions; anything else is an error naming its type. */
class PythonValuesTest {
    private static PythonInterpreter python;

    @BeforeAll
    static void start() {
        python = RealPython.interpreter(Python.builder(), new ByteArrayOutputStream(), new ByteArrayOutputStream());
        python.exec("def same(x):\n    return x\ndef kinds(*args, **kw):\n"
                + "    return [type(a).__name__ for a in args] + sorted(kw)");
    }

    @AfterAll
    static void stop() {
        if (python != null) {
            python.close();
        }
    }

    @Test
    void pythonToJava() {
        assertNull(python.eval("None"));
        assertEquals(true, python.eval("1 < 2"));
        assertEquals(false, python.eval("1 > 2"));
        assertEquals(42L, python.eval("6*7"));
        assertEquals(Long.MAX_VALUE, python.eval("2**63 - 1"));
        assertEquals(Long.MIN_VALUE, python.eval("-2**63"));
        assertEquals(new BigInteger("9223372036854775808"), python.eval("2**63"));
        assertEquals(BigInteger.TWO.pow(100).negate(), python.eval("-2**100"));
        assertEquals(0.1, python.eval("0.1"));
        assertEquals(Double.POSITIVE_INFINITY, python.eval("float('inf')"));
        assertTrue(Double.isNaN((Double) python.eval("float('nan')")));
        assertEquals("héllo 新 😀", python.eval("'héllo 新 \\U0001F600'"));
        assertArrayEquals(new byte[] {0, (byte) 255, 'a'}, (byte[]) python.eval("b'\\x00\\xffa'"));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) python.eval("bytearray([1, 2])"));
        assertEquals(List.of(1L, "a", List.of(2.5)), python.eval("[1, 'a', (2.5,)]"));
        Object dict = python.eval("{'b': 1, 'a': [None, {'x': b''}], (1, 2): True}");
        assertTrue(dict instanceof Map, "" + dict);
        assertEquals(Arrays.asList("b", "a", List.of(1L, 2L)), List.copyOf(((Map<?, ?>) dict).keySet()));
        List<?> a = (List<?>) ((Map<?, ?>) dict).get("a");
        assertNull(a.get(0));
        assertArrayEquals(new byte[0], (byte[]) ((Map<?, ?>) a.get(1)).get("x"));
        assertEquals(true, ((Map<?, ?>) dict).get(List.of(1L, 2L)));
        // subclasses travel as their base: IntEnum, OrderedDict, namedtuple
        assertEquals(List.of(2L, Map.of("k", 1L), List.of(1L, 2L)), python.eval(
                "__import__('enum').IntEnum('E', 'A B').B, __import__('collections').OrderedDict(k=1),"
                + " __import__('collections').namedtuple('P', 'x y')(1, 2)"));
    }

    @Test
    void javaToPythonAndBack() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", null);
        nested.put("list", List.of(1L, List.of("deep", BigInteger.TEN.pow(30))));
        Object[] values = {null, true, 7L, Long.MIN_VALUE, BigInteger.TWO.pow(80).negate(), 1.5, "ü新", nested};
        for (Object v : values) {
            assertEquals(v, python.call("same", v), "" + v);
        }
        assertArrayEquals(new byte[] {9, 8}, (byte[]) python.call("same", (Object) new byte[] {9, 8}));
        assertEquals(List.of("NoneType", "bool", "int", "int", "int", "float", "float", "str", "str", "bytes",
                "list", "list", "list", "dict", "k"), python.callWithKeywords("kinds", Arrays.asList(null, true, 1, (short) 2,
                BigInteger.ONE, 1.5f, 2.5, "s", 'c', new byte[0], List.of(), Set.of(1), new String[] {"x"}, Map.of()),
                Map.of("k", 1)));
        python.set("given", Map.of("n", 3));
        assertEquals(4L, python.eval("given['n'] + 1"));
        python.set("nothing", null);
        assertNull(python.get("nothing"));
        assertEquals(4L, python.call("len", List.of(1, 2, 3, 4)));
    }

    @Test
    void valuesWithoutAJavaValueNameTheirType() {
        assertType("TypeError", "set", () -> python.eval("{1, 2}"));
        assertType("TypeError", "function", () -> python.eval("same"));
        assertType("TypeError", "decimal.Decimal", () -> python.eval("[__import__('decimal').Decimal(1)]"));
        python.exec("loop = []\nloop.append(loop)");
        assertType("ValueError", "deeper than", () -> python.eval("loop"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> python.call("same", new Object()));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        // the interpreter goes on
        assertEquals(3L, python.eval("1 + 2"));
    }

    @Test
    void pythonExceptionsCarryTypeMessageAndTraceback() {
        python.exec("def fail(x):\n    return 1 / x");
        PythonException e = assertThrows(PythonException.class, () -> python.call("fail", 0));
        assertEquals("ZeroDivisionError", e.pythonType());
        assertEquals("division by zero", e.pythonMessage());
        assertEquals("ZeroDivisionError: division by zero", e.getMessage());
        assertTrue(e.pythonTraceback().startsWith("Traceback (most recent call last):\n"), e.pythonTraceback());
        assertTrue(e.pythonTraceback().contains("in fail"), e.pythonTraceback());
        assertTrue(!e.pythonTraceback().contains("_serve"), "the driver's frames are left out: " + e.pythonTraceback());
        assertType("json.decoder.JSONDecodeError", "Expecting value", () -> python.eval("__import__('json').loads('')"));
        assertType("SyntaxError", "invalid syntax", () -> python.exec("def ("));
        assertType("NameError", "'missing'", () -> python.call("missing"));
        assertType("SystemExit", "3", () -> python.exec("raise SystemExit(3)"));
        assertType("KeyError", "'k'", () -> python.eval("{}['k']"));
        assertEquals("still here", python.eval("'still ' + 'here'"));
    }

    private static void assertType(String type, String inMessage, Runnable call) {
        PythonException e = assertThrows(PythonException.class, call::run);
        assertEquals(type, e.pythonType(), e.getMessage());
        assertTrue(e.pythonMessage().contains(inMessage), e.getMessage());
    }
}
