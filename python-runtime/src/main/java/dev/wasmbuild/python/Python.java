package dev.wasmbuild.python;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * CPython for WASI, compiled to JVM classes, as a library: {@code Python.run("-c", "print(6*7)")}.
 * The interpreter sees the working directory as "/", a fresh scratch directory as /tmp, and its
 * standard library (unpacked from this jar once, into {@link StandardLibrary#directory()}).
 */
public final class Python {
    private static final String MACHINE_CLASS = PythonJarLayout.MACHINE_CLASS;
    private static final String WASM_RESOURCE = PythonJarLayout.WASM;

    private static WasmModule module;
    private static Function<Instance, Machine> machine;

    private Python() {
    }

    /** Runs python with the console's streams; returns its exit status. */
    public static int run(String... args) {
        return run(InputStream.nullInputStream(), System.out, System.err, args);
    }

    /** Runs python with the given output streams and no input; returns its exit status. */
    public static int run(OutputStream out, OutputStream err, String... args) {
        return run(InputStream.nullInputStream(), out, err, args);
    }

    /** Runs python with the given streams; returns its exit status. */
    public static int run(InputStream in, OutputStream out, OutputStream err, String... args) {
        Path root = Path.of("").toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("python-tmp");
            StandardLibrary lib = StandardLibrary.unpacked();
            return WasiPython.forJar(module(), machine(), root, tmp, lib.version(), lib.directory())
                    .streams(in, out, err)
                    .run(Arrays.asList(args));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare python's directories: " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
    }

    /** {@code java -jar python-wasi.jar -c 'print(6*7)'} */
    public static void main(String[] args) {
        System.exit(run(System.in, System.out, System.err, args));
    }

    private static synchronized WasmModule module() throws IOException {
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

    private static synchronized Function<Instance, Machine> machine() {
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

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A scratch directory left behind in java.io.tmpdir is harmless.
        }
    }
}
