package dev.wasmbuild.python;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One run of a wasm32-wasi CPython under Chicory: the guest directories, environment, arguments
 * and streams, then {@code _start} until the program exits.
 */
public final class WasiPython {
    /** argv[0]. */
    public static final String PROGRAM = "/usr/local/bin/python3";
    private final WasmModule module;
    private final Function<Instance, Machine> machine;
    private final Map<String, Path> mounts = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private InputStream stdin = InputStream.nullInputStream();
    private OutputStream stdout = System.out;
    private OutputStream stderr = System.err;

    /**
     * @param machine how functions execute: a compiled machine's constructor, a runtime
     *     compiler, or null for Chicory's interpreter
     */
    public WasiPython(WasmModule module, Function<Instance, Machine> machine) {
        this.module = module;
        this.machine = machine;
    }

    /** Makes a host directory visible at a guest path (the longest matching guest path wins). */
    public WasiPython mount(String guestPath, Path hostPath) {
        mounts.put(guestPath, hostPath);
        return this;
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
        List<String> argv = new ArrayList<>();
        // An installed interpreter's path: CPython then finds its stdlib under the default prefix
        // even when the working directory is a build tree (whose pybuilddir.txt would otherwise
        // send it looking for the host's source tree).
        argv.add(PROGRAM);
        argv.addAll(args);
        WasiOptions.Builder options = WasiOptions.builder()
                .withStdin(stdin, false)
                .withStdout(stdout, false)
                .withStderr(stderr, false)
                .withArguments(argv);
        mounts.forEach(options::withDirectory);
        environment.forEach(options::withEnvironment);
        WasiOptions built = options.build();
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(built).build()) {
            List<Path> preopens = new ArrayList<>(built.directories().values());
            ImportValues imports = ImportValues.builder()
                    .addFunction(RenameFix.apply(wasi.toHostFunctions(), preopens))
                    .build();
            Instance.Builder instance = Instance.builder(module).withImportValues(imports).withStart(false);
            if (machine != null) {
                instance.withMachineFactory(machine);
            }
            try {
                instance.build().export("_start").apply();
                return 0;
            } catch (WasiExitException e) {
                return e.exitCode();
            } finally {
                flush(stdout);
                flush(stderr);
            }
        }
    }

    private static void flush(OutputStream stream) {
        try {
            stream.flush();
        } catch (java.io.IOException e) {
            // The run's result stands; a stream that cannot flush has nowhere to report to.
        }
    }
}
