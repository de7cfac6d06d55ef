package dev.wasmbuild.python;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * Python for {@code javax.script}: registered in META-INF/services, so
 * {@code new ScriptEngineManager().getEngineByName("python")} finds it (also "python3", "py" as an
 * extension, "text/x-python"). Each engine is a {@link PythonScriptEngine} with an interpreter
 * of its own in the closed sandbox ({@link Python#builder()}'s defaults);
 * {@link #PythonScriptEngineFactory(PythonSandbox)} makes engines in another sandbox. The
 * factory keeps no state.
 */
public final class PythonScriptEngineFactory implements ScriptEngineFactory {
    private static final List<String> NAMES = List.of("python", "python3", "Python", "cpython");
    private final PythonSandbox sandbox;

    /** What ServiceLoader calls: engines in the closed default sandbox. */
    public PythonScriptEngineFactory() {
        this(null);
    }

    /** Engines whose interpreters run in this sandbox (its mounts, environment and limits). */
    public PythonScriptEngineFactory(PythonSandbox sandbox) {
        this.sandbox = sandbox;
    }

    PythonSandbox sandbox() {
        return sandbox != null ? sandbox : Python.builder().build();
    }

    @Override
    public String getEngineName() {
        return "wasm-python (CPython for WASI on Chicory)";
    }

    @Override
    public String getEngineVersion() {
        String version = PythonScriptEngineFactory.class.getPackage().getImplementationVersion();
        return version != null ? version : "unknown";
    }

    @Override
    public List<String> getExtensions() {
        return List.of("py");
    }

    @Override
    public List<String> getMimeTypes() {
        return List.of("text/x-python", "application/x-python");
    }

    @Override
    public List<String> getNames() {
        return NAMES;
    }

    @Override
    public String getLanguageName() {
        return "python";
    }

    /** "3.11", from the jar's python.properties ("unknown" outside a python jar). */
    @Override
    public String getLanguageVersion() {
        try (InputStream in = Python.class.getResourceAsStream(PythonJarLayout.PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // Only a label: say unknown rather than fail a lookup.
        }
        return "unknown";
    }

    @Override
    public Object getParameter(String key) {
        switch (key) {
            case ScriptEngine.ENGINE:
                return getEngineName();
            case ScriptEngine.ENGINE_VERSION:
                return getEngineVersion();
            case ScriptEngine.NAME:
                return NAMES.get(0);
            case ScriptEngine.LANGUAGE:
                return getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION:
                return getLanguageVersion();
            case "THREADING":
                // Calls from several threads are served in turn, each seeing the others' effects.
                return "MULTITHREADED";
            default:
                return null;
        }
    }

    @Override
    public String getMethodCallSyntax(String obj, String method, String... args) {
        return obj + "." + method + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "print(" + pythonString(toDisplay) + ")";
    }

    @Override
    public String getProgram(String... statements) {
        return Stream.of(statements).collect(Collectors.joining("\n", "", "\n"));
    }

    @Override
    public ScriptEngine getScriptEngine() {
        return new PythonScriptEngine(this);
    }

    /** A Python string literal with the same text. */
    static String pythonString(String s) {
        StringBuilder b = new StringBuilder("'");
        s.codePoints().forEach(c -> {
            if (c == '\\' || c == '\'') {
                b.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('\'').toString();
    }
}
