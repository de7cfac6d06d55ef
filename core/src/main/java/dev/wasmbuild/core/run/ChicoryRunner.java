package dev.wasmbuild.core.run;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.python.WasiPython;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a WASI build inside this JVM with Chicory, seeing the same directories as under node
 * or wasmtime. Functions are compiled to JVM classes when the module is loaded (Chicory's
 * runtime compiler); the classes are kept in the build directory, so later runs start quickly.
 */
public final class ChicoryRunner {
    private ChicoryRunner() {
    }

    /**
     * @param root the host directory the program sees as "/"
     * @return python's exit status
     */
    public static int run(BuildLayout layout, Path root, List<String> args, InputStream in, PrintStream out,
            PrintStream err) throws WasmBuildException {
        layout.requireBuilt();
        List<GuestMount> mounts = WasiFilesystem.mounts(layout, root);
        WasmModule module;
        try {
            module = Parser.parse(layout.pythonWasm());
        } catch (RuntimeException e) {
            throw new WasmBuildException("Chicory cannot read " + layout.pythonWasm() + ": " + e.getMessage(), e);
        }
        Function<Instance, Machine> machine = compile(module,
                new DirectoryCache(layout.buildDirectory().resolve("chicory-cache"), err::println));
        WasiPython python = new WasiPython(module, machine).streams(in, out, err);
        for (GuestMount m : mounts) {
            python.mount(m.guestPath(), m.hostPath());
        }
        try {
            return python.run(args);
        } catch (RuntimeException e) {
            throw new WasmBuildException("python.wasm failed under Chicory: " + e, e);
        }
    }

    /**
     * Chicory's machine for {@code module}, from the cache when it holds a loadable entry. An
     * entry that passes its checksum but still cannot be loaded is discarded (the cache says
     * which) and the module compiled again, rather than failing every run from then on.
     */
    static Function<Instance, Machine> compile(WasmModule module, DirectoryCache cache) throws WasmBuildException {
        try {
            return MachineFactoryCompiler.builder(module).withCache(cache).compile();
        } catch (RuntimeException e) {
            try {
                if (!cache.discardServed("Chicory cannot load it: " + e)) {
                    throw e;
                }
            } catch (IOException io) {
                throw WasmBuildException.io("cannot delete a Chicory cache entry it cannot load (" + e + ")", io);
            }
            return MachineFactoryCompiler.builder(module).withCache(cache).compile();
        }
    }
}
