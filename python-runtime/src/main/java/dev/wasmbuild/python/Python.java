package dev.wasmbuild.python;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * CPython for WASI, compiled to JVM classes, as a library: {@code Python.run("-c", "print(6*7)")}.
 *
 * <p>{@code Python.run} is closed: the interpreter sees its standard library (read-only), a
 * private scratch /tmp, an empty read-only / as its working directory, an empty environment,
 * and nothing of the host. {@link #builder()} mounts host directories (read-only or read-write),
 * sets the environment and the memory limit; see {@link PythonSandbox} for what the guest can
 * and cannot reach, how {@link Thread#interrupt()} stops a run, and which unchecked exceptions a
 * run can throw. Every run is a fresh interpreter; runs in parallel threads do not share state.
 *
 * <p>An interpreter that keeps its state, exchanges values with Java and has per-call limits:
 * {@code Python.builder().build().interpreter()} ({@link PythonInterpreter}). For
 * {@code javax.script}: {@code new ScriptEngineManager().getEngineByName("python")}
 * ({@link PythonScriptEngine}).
 *
 * <p>The standard library is unpacked from this jar once, into {@link StandardLibrary#directory()},
 * checked on every first use in a JVM, and never writable by the guest.
 *
 * <p>{@code java -jar} ({@link #main}) is the command line and behaves as {@code python} does: it
 * shows the JVM's working directory, read-write, as "/".
 */
public final class Python {
    private static final String MACHINE_CLASS = PythonJarLayout.MACHINE_CLASS;
    private static final String WASM_RESOURCE = PythonJarLayout.WASM;
    /** What {@code java -jar python.jar --help} adds to CPython's own help. */
    static final String COMMAND_LINE_NOTE = """

            This python runs inside the JVM (wasm32-wasi CPython under Chicory). On the command line
            it shows the JVM's working directory as / (read-write; symbolic links that lead out of it
            are refused), a private scratch /tmp, and its standard library (read-only); no other host
            file and no host environment variable. Java programs that call Python.run see no host
            directory at all unless they mount one (Python.builder()). File names that are not ASCII
            need a UTF-8 locale for the JVM (LC_ALL=C.UTF-8): under LANG=C Java cannot spell them, and
            python gets EILSEQ. -Dwasm.python.memory=BYTES caps python's memory (default: a quarter
            of the JVM's heap); -Dwasm.python.home=DIR is where the standard library is unpacked.
            """;

    private static WasmModule module;
    private static Function<Instance, Machine> machine;

    private Python() {
    }

    /** A sandbox to set up: mounts, environment, memory limit. */
    public static PythonSandbox.Builder builder() {
        return new PythonSandbox.Builder();
    }

    /** Runs python in the closed sandbox with the console's streams and no input; returns its exit status. */
    public static int run(String... args) {
        return builder().build().run(args);
    }

    /** Runs python in the closed sandbox with the given output streams and no input; returns its exit status. */
    public static int run(OutputStream out, OutputStream err, String... args) {
        return builder().build().run(out, err, args);
    }

    /** Runs python in the closed sandbox with the given streams; returns its exit status. */
    public static int run(InputStream in, OutputStream out, OutputStream err, String... args) {
        return builder().build().run(in, out, err, args);
    }

    /**
     * {@code java -jar python-wasi.jar -c 'print(6*7)'}: python's command line. It sees the JVM's
     * working directory as "/", read-write (as {@code python} sees its own), but no host
     * environment variable; {@code --help} says so after CPython's own help.
     */
    public static void main(String[] args) {
        PythonSandbox.Builder sandbox = builder().mountReadWrite(Path.of("").toAbsolutePath(), "/");
        String memory = System.getProperty("wasm.python.memory");
        if (memory != null) {
            try {
                sandbox.memoryLimit(Long.parseLong(memory.strip()));
            } catch (IllegalArgumentException e) {
                System.err.println("-Dwasm.python.memory=" + memory + ": " + e.getMessage());
                System.exit(2);
            }
        }
        int status = sandbox.build().run(System.in, System.out, System.err, args);
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(COMMAND_LINE_NOTE);
        }
        System.exit(status);
    }

    static synchronized WasmModule module() throws IOException {
        if (module == null) {
            try (InputStream in = Python.class.getResourceAsStream(WASM_RESOURCE)) {
                if (in == null) {
                    throw new IOException(WASM_RESOURCE + " is missing next to " + Python.class.getName());
                }
                // Not validated again: wasm:jar compiled every function of this module to the
                // classes beside it, which needs a valid module, and the check costs about a
                // third of the parse (0.3 s of a cold start, BENCHMARKS.md).
                module = Parser.builder().withValidation(false).build().parse(() -> in);
            }
        }
        return module;
    }

    static synchronized Function<Instance, Machine> machine() {
        if (machine == null) {
            try {
                Constructor<?> constructor = Class.forName(MACHINE_CLASS).getConstructor(Instance.class);
                machine = instance -> {
                    try {
                        return (Machine) constructor.newInstance(instance);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot create " + MACHINE_CLASS, e);
                    }
                };
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(MACHINE_CLASS + " is missing: this jar was not made by wasm:jar", e);
            }
        }
        return machine;
    }
}
