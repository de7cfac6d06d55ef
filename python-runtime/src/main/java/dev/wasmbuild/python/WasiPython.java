package dev.wasmbuild.python;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One run of a wasm32-wasi CPython under Chicory: the guest directories, environment, arguments
 * and streams, then {@code _start} until the program exits.
 */
public final class WasiPython {
    /** argv[0]. */
    public static final String PROGRAM = "/usr/local/bin/python3";
    private static final int PAGE = 65536;
    private final WasmModule module;
    private final Function<Instance, Machine> machine;
    private final Map<String, Path> mounts = new LinkedHashMap<>();
    private final Map<String, Boolean> readOnly = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private InputStream stdin = InputStream.nullInputStream();
    private OutputStream stdout = System.out;
    private OutputStream stderr = System.err;
    private UnaryOperator<HostFunction> hostFunctions = UnaryOperator.identity();
    private long memoryLimit = defaultMemoryLimit();

    /**
     * @param machine how functions execute: a compiled machine's constructor, a runtime
     *     compiler, or null for Chicory's interpreter
     */
    public WasiPython(WasmModule module, Function<Instance, Machine> machine) {
        this.module = module;
        this.machine = machine;
    }

    /**
     * Replaces WASI functions one by one (the operator returns the function to use instead of
     * the one it is given): wasm:jar fixes the clocks while it pre-initialises CPython, so that
     * the same build gives the same jar.
     */
    public WasiPython hostFunctions(UnaryOperator<HostFunction> replace) {
        this.hostFunctions = replace;
        return this;
    }

    /**
     * Python as the jar runs it: the given root directory at /, a scratch /tmp, and the stdlib
     * (read-only) where CPython's default prefix looks for it. wasm:jar pre-initialises CPython with these same
     * guest directories, in this order (the order gives each its WASI descriptor, which the
     * pre-initialised interpreter has already seen).
     */
    public static WasiPython forJar(WasmModule module, Function<Instance, Machine> machine, Path root, Path tmp,
            String version, Path stdlib) {
        return new WasiPython(module, machine)
                .mount("/", root)
                .mount("/tmp", tmp)
                .mountReadOnly(PythonJarLayout.guestStdlib(version), stdlib);
    }

    /**
     * Makes a host directory visible, read-write, at a guest path (the longest matching guest
     * path wins). The guest cannot leave it: ".." and symbolic links that lead out of it fail.
     */
    public WasiPython mount(String guestPath, Path hostPath) {
        mounts.put(guestPath, hostPath.toAbsolutePath().normalize());
        readOnly.put(guestPath, false);
        return this;
    }

    /** As {@link #mount}, but whatever would write to it fails with EROFS (a read-only file system). */
    public WasiPython mountReadOnly(String guestPath, Path hostPath) {
        mount(guestPath, hostPath);
        readOnly.put(guestPath, true);
        return this;
    }

    /**
     * The most the guest's linear memory may grow to, in bytes (rounded down to 64 KiB pages, at
     * least what the module starts with): past it malloc fails and Python raises MemoryError.
     * The default is a quarter of the JVM's maximum heap (at most 4 GiB, wasm32's limit): growing
     * copies the memory, so the JVM briefly holds twice the guest's size.
     */
    public WasiPython memoryLimit(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memoryLimit must be positive, not " + bytes);
        }
        this.memoryLimit = bytes;
        return this;
    }

    static long defaultMemoryLimit() {
        return Math.min(Runtime.getRuntime().maxMemory() / 4, (long) MemoryLimits.MAX_PAGES * PAGE);
    }

    public WasiPython environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public WasiPython streams(InputStream in, OutputStream out, OutputStream err) {
        this.stdin = in;
        this.stdout = out;
        this.stderr = err;
        return this;
    }

    /** Runs python with these arguments (without argv[0]) and returns its exit status. */
    public int run(List<String> args) {
        return withInstance(args, instance -> {
            try {
                instance.export("_start").apply();
                return 0;
            } catch (WasiExitException e) {
                return e.exitCode();
            }
        });
    }

    /**
     * Instantiates python with these arguments (without argv[0]) and everything {@link #run}
     * sets up, and hands the instance to {@code use} instead of starting it: wasm:jar calls its
     * pre-initialisation export this way. The streams are flushed afterwards.
     */
    public <T> T withInstance(List<String> args, Function<Instance, T> use) {
        List<String> argv = new ArrayList<>();
        // An installed interpreter's path: CPython then finds its stdlib under the default prefix
        // even when the working directory is a build tree (whose pybuilddir.txt would otherwise
        // send it looking for the host's source tree).
        argv.add(PROGRAM);
        argv.addAll(args);
        GuestOutput out = new GuestOutput(stdout);
        GuestOutput err = new GuestOutput(stderr);
        WasiOptions.Builder options = WasiOptions.builder()
                .withStdin(stdin, false)
                .withStdout(out, false)
                .withStderr(err, false)
                .withArguments(argv);
        mounts.forEach(options::withDirectory);
        environment.forEach(options::withEnvironment);
        WasiOptions built = options.build();
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(built).build()) {
            List<Path> preopens = new ArrayList<>(built.directories().values());
            HostFunction[] functions = RenameFix.apply(wasi.toHostFunctions(), preopens);
            functions = FileGuard.apply(functions, wasi, hostMounts());
            for (int i = 0; i < functions.length; i++) {
                functions[i] = hostFunctions.apply(GuestOutput.epipe(functions[i], out, err));
            }
            ImportValues imports = ImportValues.builder().addFunction(functions).build();
            Instance.Builder instance = Instance.builder(module).withImportValues(imports).withStart(false);
            memoryLimits().ifPresent(instance::withMemoryLimits);
            if (machine != null) {
                instance.withMachineFactory(machine);
            }
            try {
                return use.apply(instance.build());
            } catch (OutOfMemoryError e) {
                // Growing the guest's memory copies it: with a limit near the heap's size the copy
                // is what fails. The guest is gone; the JVM, its buffers freed, is fine.
                throw new IllegalStateException("python's memory (at most " + memoryLimit + " bytes) did not fit"
                        + " in this JVM's heap (-Xmx, " + Runtime.getRuntime().maxMemory() + " bytes): give python"
                        + " a smaller memoryLimit or the JVM more heap", e);
            } finally {
                flush(stdout);
                flush(stderr);
            }
        }
    }

    private List<FileGuard.HostMount> hostMounts() {
        List<FileGuard.HostMount> list = new ArrayList<>();
        mounts.forEach((guest, host) -> {
            try {
                list.add(FileGuard.HostMount.of(host, readOnly.get(guest)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot mount " + host + " at " + guest + ": " + e, e);
            }
        });
        return list;
    }

    /** The module's memory with its maximum at memoryLimit (never below what it starts with). */
    private java.util.Optional<MemoryLimits> memoryLimits() {
        return module.memorySection().filter(m -> m.memoryCount() == 1).map(m -> {
            MemoryLimits declared = m.getMemory(0).limits();
            long pages = Math.max(declared.initialPages(), Math.min(memoryLimit / PAGE, declared.maximumPages()));
            return new MemoryLimits(declared.initialPages(), (int) pages, declared.shared());
        });
    }

    private static void flush(OutputStream stream) {
        try {
            stream.flush();
        } catch (java.io.IOException e) {
            // The run's result stands; a stream that cannot flush has nowhere to report to.
        }
    }
}
