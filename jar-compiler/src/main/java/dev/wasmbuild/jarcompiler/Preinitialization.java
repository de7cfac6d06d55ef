package dev.wasmbuild.jarcompiler;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.Trees;
import dev.wasmbuild.core.make.PreinitEntry;
import dev.wasmbuild.core.packaging.EntryTime;
import dev.wasmbuild.python.StandardLibrary;
import dev.wasmbuild.python.WasiPython;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs python-preinit.wasm's {@code wasm-plugin-preinit} export once, at build time, under
 * Chicory with the classes just compiled from it, and returns the module with that instance's
 * state as its initial state ({@link ModuleSnapshot}). The guest sees what a run of the jar sees:
 * the same directories in the same order ({@link WasiPython#forJar}), with an empty working
 * directory, an empty environment and the jar's own stdlib, whose files and directories all
 * carry the jar's entry time, so that the same inputs give the same snapshot.
 */
final class Preinitialization {
    private static final String EXPORT = PreinitEntry.EXPORT;
    private static final String WITHOUT = " (" + Setting.PREINITIALIZE + " false makes the jar without a snapshot)";

    private Preinitialization() {
    }

    /**
     * @param scratch a directory of its own for the guest's files; deleted first and afterwards
     */
    static byte[] snapshot(byte[] wasm, WasmModule module, Map<String, byte[]> classes, String machineClass,
            byte[] stdlibZip, String version, EntryTime time, Path scratch) throws WasmBuildException {
        try {
            // Left behind by a run that was killed: start clean.
            Trees.delete(scratch);
            try {
                return run(wasm, module, classes, machineClass, stdlibZip, version, time, scratch);
            } finally {
                Trees.delete(scratch);
            }
        } catch (IOException e) {
            throw WasmBuildException.io("cannot prepare or remove " + scratch + " (the snapshot run's files)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WasmBuildException("interrupted while preparing " + scratch, e);
        }
    }

    private static byte[] run(byte[] wasm, WasmModule module, Map<String, byte[]> classes, String machineClass,
            byte[] stdlibZip, String version, EntryTime time, Path scratch) throws WasmBuildException, IOException {
        Path root = Files.createDirectories(scratch.resolve("root"));
        Path tmp = Files.createDirectories(scratch.resolve("tmp"));
        Path base = scratch.resolve("lib");
        StandardLibrary.unpack(base, base.resolve("python" + version), new ByteArrayInputStream(stdlibZip));
        stampTimes(scratch, FileTime.from(time.instant()));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Function<Instance, Machine> machine = machine(classes, machineClass);
        try {
            return WasiPython.forJar(module, machine, root, tmp, version, base.resolve("python" + version))
                    .streams(java.io.InputStream.nullInputStream(), output, output)
                    .hostFunctions(function -> SnapshotHost.replace(function, time))
                    .withInstance(List.of(), instance -> {
                        instance.export(EXPORT).apply();
                        Memory memory = instance.memory();
                        byte[] bytes = memory.readBytes(0, memory.pages() * 65536);
                        return ModuleSnapshot.of(wasm, bytes, i -> instance.global(i).getValue(), EXPORT);
                    });
        } catch (WasiExitException e) {
            throw new WasmBuildException("CPython exited with status " + e.exitCode() + " while it was"
                    + " being initialised for the snapshot; it said: " + tail(output) + WITHOUT, e);
        } catch (IllegalArgumentException e) {
            throw new WasmBuildException("cannot snapshot python-preinit.wasm: " + e.getMessage() + WITHOUT, e);
        } catch (RuntimeException e) {
            throw new WasmBuildException("CPython failed while it was being initialised for the snapshot ("
                    + e + "); it said: " + tail(output) + WITHOUT, e);
        }
    }

    /** The compiled classes, loaded beside the plugin's Chicory, as the jar's launcher loads them. */
    private static Function<Instance, Machine> machine(Map<String, byte[]> compiled, String machineClass) {
        // Chicory names some classes with dots and some with slashes (as the jar's entries do).
        Map<String, byte[]> classes = new java.util.HashMap<>();
        compiled.forEach((name, bytes) -> classes.put(name.replace('/', '.'), bytes));
        ClassLoader loader = new ClassLoader(Preinitialization.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Constructor<?> constructor;
        try {
            constructor = loader.loadClass(machineClass).getConstructor(Instance.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Chicory's compiler gave no " + machineClass, e);
        }
        return instance -> {
            try {
                return (Machine) constructor.newInstance(instance);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + machineClass, e);
            }
        };
    }

    /** importlib keeps directories' modification times; the snapshot must not hold today's. */
    private static void stampTimes(Path tree, FileTime time) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.setLastModifiedTime(p, time);
            }
        }
    }

    private static String tail(ByteArrayOutputStream output) {
        String text = output.toString(StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(nothing)" : text.length() > 2000 ? "…" + text.substring(text.length() - 2000) : text;
    }
}
