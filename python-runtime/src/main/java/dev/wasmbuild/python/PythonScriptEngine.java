package dev.wasmbuild.python;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/**
 * Python as a {@code javax.script} engine: one {@link PythonInterpreter} per engine, started at
 * the first eval, so state stays from one eval to the next.
 *
 * <pre>{@code
 * ScriptEngine python = new ScriptEngineManager().getEngineByName("python");
 * python.eval("6*7");                       // 42L
 * python.eval("2**100");                    // a BigInteger
 * python.eval("import math\nr = 2.0");      // null: a statement has no value
 * python.put("name", "Ada");
 * python.eval("greeting = 'hello ' + name\nlen(greeting)"); // 9L: a last line that is an expression gives the value
 * python.get("greeting");                   // "hello Ada"
 * ((Invocable) python).invokeFunction("max", 3, 7); // 7L
 * ((AutoCloseable) python).close();         // ends the interpreter
 * }</pre>
 *
 * <p>Values are mapped as in {@link PythonInterpreter}: a dict is a Map, a list a List, an int a
 * Long or BigInteger. A Python exception (MemoryError and RecursionError too) is a
 * {@link ScriptException} whose message starts with the Python type and whose cause is the
 * {@link PythonException} with the traceback; the engine goes on. An engine whose interpreter
 * has stopped (time limit, os._exit, crash) throws ScriptException for every later eval, its
 * cause a {@link PythonStoppedException}.
 *
 * <p><b>Bindings.</b> Before each eval the engine-scope bindings (and global-scope ones not
 * hidden by them) that changed since the last eval are set as Python globals; names that are
 * not Python identifiers (such as {@code javax.script.filename}) and, in the global scope,
 * values with no Python value are left out. After each eval every public global of Python
 * (a name not starting with "_") whose value has a Java value is copied into the engine scope;
 * modules, functions and other objects stay in Python. Values are copies both ways. Removing a
 * binding in Java does not delete the Python global.
 *
 * <p><b>Output.</b> Python's stdout and stderr go to the context's writer and error writer of
 * each eval, flushed at its end. The context's reader is not used (Python's stdin is empty).
 *
 * <p>Calls from several threads are served one at a time. Close the engine
 * ({@link AutoCloseable}) to free its interpreter; it also ends when the engine becomes
 * unreachable. The engine keeps no global state: two engines share nothing.
 */
public final class PythonScriptEngine extends AbstractScriptEngine implements Invocable, AutoCloseable {
    private final PythonScriptEngineFactory factory;
    private PythonInterpreter interpreter;
    private boolean closed;
    /** What the engine scope held after the last eval: unchanged bindings are not sent again. */
    private final Map<String, Object> synced = new HashMap<>();

    PythonScriptEngine(PythonScriptEngineFactory factory) {
        this.factory = factory;
    }

    /** An engine in this sandbox (its mounts, environment, memory and call limits). */
    public PythonScriptEngine(PythonSandbox sandbox) {
        this(new PythonScriptEngineFactory(sandbox));
    }

    @Override
    public synchronized Object eval(String script, ScriptContext context) throws ScriptException {
        PythonInterpreter python = interpreter();
        Map<String, Object> in = bindingsIn(context);
        WriterOutputStream stdout = new WriterOutputStream(context.getWriter());
        WriterOutputStream stderr = new WriterOutputStream(context.getErrorWriter());
        python.output(stdout, stderr);
        Object[] result;
        try {
            result = python.script(script, in);
        } catch (PythonException | PythonStoppedException | PythonOutputLimitException e) {
            throw scriptException(e);
        } finally {
            flush(stdout);
            flush(stderr);
        }
        Bindings engine = context.getBindings(ScriptContext.ENGINE_SCOPE);
        synced.clear();
        ((Map<?, ?>) result[1]).forEach((name, value) -> {
            engine.put((String) name, value);
            synced.put((String) name, value);
        });
        return result[0];
    }

    @Override
    public Object eval(Reader reader, ScriptContext context) throws ScriptException {
        StringBuilder script = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n; (n = reader.read(buffer)) != -1;) {
                script.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw (ScriptException) new ScriptException("cannot read the script: " + e.getMessage()).initCause(e);
        }
        return eval(script.toString(), context);
    }

    @Override
    public Bindings createBindings() {
        return new SimpleBindings();
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }

    /**
     * Calls a Python function (a global, a builtin, or a dotted path) with these arguments; its
     * output goes to the engine's context's writers.
     */
    @Override
    public synchronized Object invokeFunction(String name, Object... args) throws ScriptException {
        PythonInterpreter python = interpreter();
        ScriptContext context = getContext();
        WriterOutputStream stdout = new WriterOutputStream(context.getWriter());
        WriterOutputStream stderr = new WriterOutputStream(context.getErrorWriter());
        python.output(stdout, stderr);
        try {
            return python.call(name, args);
        } catch (PythonException | PythonStoppedException | PythonOutputLimitException e) {
            throw scriptException(e);
        } finally {
            flush(stdout);
            flush(stderr);
        }
    }

    /** Python objects do not cross into Java, so there is no Python object to call a method of. */
    @Override
    public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException {
        throw new IllegalArgumentException("Python objects do not cross into Java; call a function by name"
                + " (invokeFunction(\"obj." + name + "\", ...) for a global obj)");
    }

    /**
     * A Java interface whose methods call the Python functions of the same names (looked up at
     * each call, so they may be defined later). A returned number is converted to the method's
     * numeric return type; a Python exception is thrown as the {@link PythonException} itself.
     */
    @Override
    public <T> T getInterface(Class<T> type) {
        if (type == null || !type.isInterface()) {
            throw new IllegalArgumentException("not an interface: " + type);
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> type.getName() + " implemented by Python functions";
                };
            }
            try {
                return convert(invokeFunction(method.getName(), args == null ? new Object[0] : args),
                        method.getReturnType());
            } catch (ScriptException e) {
                throw e.getCause();
            }
        }));
    }

    private static Object convert(Object value, Class<?> type) {
        if (type == void.class) {
            return null;
        }
        if (value instanceof Number n) {
            if (type == int.class || type == Integer.class) {
                return n.intValue();
            } else if (type == long.class || type == Long.class) {
                return n.longValue();
            } else if (type == double.class || type == Double.class) {
                return n.doubleValue();
            } else if (type == float.class || type == Float.class) {
                return n.floatValue();
            } else if (type == short.class || type == Short.class) {
                return n.shortValue();
            } else if (type == byte.class || type == Byte.class) {
                return n.byteValue();
            }
        }
        return value;
    }

    @Override
    public <T> T getInterface(Object thiz, Class<T> type) {
        throw new IllegalArgumentException("Python objects do not cross into Java; use getInterface(Class)");
    }

    /** Ends the interpreter; a later eval starts none and throws ScriptException. */
    @Override
    public synchronized void close() {
        closed = true;
        if (interpreter != null) {
            interpreter.close();
        }
    }

    private PythonInterpreter interpreter() throws ScriptException {
        if (closed && interpreter == null) {
            throw new ScriptException("this Python engine is closed");
        }
        if (interpreter == null) {
            interpreter = factory.sandbox().interpreter(java.io.OutputStream.nullOutputStream(),
                    java.io.OutputStream.nullOutputStream());
        }
        return interpreter;
    }

    private Map<String, Object> bindingsIn(ScriptContext context) throws ScriptException {
        Map<String, Object> in = new LinkedHashMap<>();
        Bindings global = context.getBindings(ScriptContext.GLOBAL_SCOPE);
        if (global != null) {
            global.forEach((name, value) -> {
                if (isIdentifier(name) && !unchanged(name, value) && hasPythonValue(value)) {
                    in.put(name, value);
                }
            });
        }
        Bindings engine = context.getBindings(ScriptContext.ENGINE_SCOPE);
        if (engine != null) {
            for (Map.Entry<String, Object> e : engine.entrySet()) {
                if (isIdentifier(e.getKey()) && !unchanged(e.getKey(), e.getValue())) {
                    if (!hasPythonValue(e.getValue())) {
                        throw new ScriptException("binding " + e.getKey() + ": a Java "
                                + e.getValue().getClass().getName() + " has no Python value");
                    }
                    in.put(e.getKey(), e.getValue());
                }
            }
        }
        return in;
    }

    /** The very object that came out of Python under this name after the last eval. */
    private boolean unchanged(String name, Object value) {
        return synced.containsKey(name) && synced.get(name) == value;
    }

    private static boolean hasPythonValue(Object value) {
        try {
            ValueCodec.encode(value, new java.io.ByteArrayOutputStream());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isIdentifier(String name) {
        if (name == null || name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))
                || name.startsWith("$")) {
            return false;
        }
        return name.codePoints().allMatch(c -> c == '_' || Character.isLetterOrDigit(c));
    }

    private static ScriptException scriptException(RuntimeException e) {
        ScriptException s = new ScriptException(e.getMessage());
        s.initCause(e);
        return s;
    }

    private static void flush(java.io.OutputStream stream) {
        try {
            stream.flush();
        } catch (IOException e) {
            // The eval's result stands; a writer that cannot flush has nowhere to report to.
        }
    }
}
