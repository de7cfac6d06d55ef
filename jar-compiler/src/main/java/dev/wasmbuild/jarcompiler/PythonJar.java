package dev.wasmbuild.jarcompiler;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.CompilerResult;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmbuild.core.Action;
import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.io.AtomicFiles;
import dev.wasmbuild.core.io.Hashing;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.packaging.EntryTime;
import dev.wasmbuild.core.packaging.Packager;
import dev.wasmbuild.python.PythonJarLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The self-contained jar of a WASI build: python.wasm compiled to JVM classes by Chicory's
 * compiler, the launcher {@link Python}, Chicory's runtime, and the stdlib as one zip, so a
 * project needs this one dependency to run Python in-process.
 */
public final class PythonJar {
    private static final String PACKAGE = PythonJarLayout.RESOURCE_DIRECTORY;
    static final String EVAL_LOOP = "_PyEval_EvalFrameDefault";

    private PythonJar() {
    }

    /** Only a wasi build runs on Chicory's WASI. */
    public static void requireWasi(Target target) throws ConfigurationException {
        if (target != Target.WASI) {
            throw new ConfigurationException(Setting.TARGET, Action.JAR + " packages a wasi build (it runs on Chicory's"
                    + " WASI); set " + Setting.TARGET + " to wasi, not " + target);
        }
    }

    /**
     * Compiling python.wasm takes about 20 s and 2 GB of heap; pre-initialising it a few more. So
     * the jar is written only when one of its inputs changed ({@link JarInputs}), and the log says
     * which; otherwise it is kept as it is.
     *
     * @param preinitialize store CPython initialised ({@link Preinitialization}), from
     *     python-preinit.wasm; without that file (a build by an older plugin) the jar is made
     *     from python.wasm, with a warning
     * @param info told why the jar is written or kept, what was pre-initialised and how long it took
     * @param warn told which functions Chicory could not compile (they run interpreted, far slower)
     * @return whether the jar was written (false: it was kept, its inputs unchanged)
     */
    public static boolean write(BuildLayout layout, Path jar, EntryTime time, boolean preinitialize,
            Consumer<String> info, Consumer<String> warn) throws ConfigurationException, WasmBuildException {
        return write(layout, jar, time, preinitialize, 0, info, warn);
    }

    /**
     * As {@link #write(BuildLayout, Path, EntryTime, boolean, Consumer, Consumer)}, and first
     * splits every function whose wasm body is over {@code splitBytes} bytes into pieces
     * ({@link FunctionSplitter}), so that HotSpot compiles them; 0 leaves the module as built.
     * Off by default: the split CPython runs correctly but not yet faster (docs/performance.md).
     */
    public static boolean write(BuildLayout layout, Path jar, EntryTime time, boolean preinitialize, int splitBytes,
            Consumer<String> info, Consumer<String> warn) throws ConfigurationException, WasmBuildException {
        requireWasi(layout.target());
        layout.requireBuilt();
        JarWriter out = new JarWriter(PythonJarLayout.MAIN_CLASS, time);
        try {
            Optional<Path> preinitWasm = preinitialize ? preinitSource(layout, warn) : Optional.empty();
            JarInputs inputs = JarInputs.of(layout, jar, time, preinitWasm.orElse(layout.pythonWasm()),
                    preinitWasm.isPresent(), splitBytes);
            Optional<String> reason = inputs.reasonToWrite();
            if (reason.isEmpty()) {
                info.accept("Jar up to date, kept: " + jar + " (the same module, stdlib, settings and plugin code as"
                        + " when it was written)");
                inputs.storedWarning().ifPresent(warn);
                return false;
            }
            info.accept("Writing " + jar + ": " + reason.get());
            info.accept("Compiling python.wasm to JVM classes with Chicory (about 20 s and 2 GB of heap)");
            inputs.forget();
            byte[] lib = stdlibZip(layout, time);
            Optional<Preinit> preinit = preinitWasm.map(wasm -> new Preinit(wasm, lib, layout.version().toString(),
                    time, layout.buildDirectory().resolve(".wasm-preinit-run"), info));
            Optional<String> warning = compile(preinit.map(p -> p.wasm).orElse(layout.pythonWasm()), out, preinit,
                    splitBytes, info);
            warning.ifPresent(warn);
            out.add(PACKAGE + PythonJarLayout.STDLIB_ZIP, lib);
            out.add(PACKAGE + PythonJarLayout.PROPERTIES, ("version=" + layout.version() + "\nlib.sha256="
                    + Hashing.bytes(lib) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ClassPathCopy.runtime(out);
            Files.createDirectories(jar.toAbsolutePath().getParent());
            AtomicFiles.writeIfChanged(jar, out.bytes());
            inputs.write(warning);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot write " + jar, Setting.FINAL_NAME, e);
        }
        return true;
    }

    /** What a pre-initialised jar is made from, and where the run that makes it may work. */
    private record Preinit(Path wasm, byte[] lib, String version, EntryTime time, Path scratch,
            Consumer<String> info) {
    }

    /** python-preinit.wasm when it is there and as new as python.wasm; otherwise a warning says why not. */
    private static Optional<Path> preinitSource(BuildLayout layout, Consumer<String> warn) throws IOException {
        Path preinit = layout.preinitWasm();
        if (!Files.isRegularFile(preinit)) {
            warn.accept("The jar starts CPython from scratch in every run (about 1 s more): " + preinit
                    + " is missing; a build made by this plugin version has it, so run " + Action.BUILD + " again");
            return Optional.empty();
        }
        if (Files.getLastModifiedTime(preinit).compareTo(Files.getLastModifiedTime(layout.pythonWasm())) < 0) {
            warn.accept("The jar starts CPython from scratch in every run (about 1 s more): " + preinit
                    + " is older than python.wasm, so it may not be the same build; run " + Action.BUILD + " again");
            return Optional.empty();
        }
        return Optional.of(preinit);
    }

    /**
     * Adds the compiled classes and the module they need at run time ({@link CompiledModule}),
     * pre-initialised first when asked.
     *
     * @return a warning naming the functions left to Chicory's interpreter, if any
     */
    private static Optional<String> compile(Path wasm, JarWriter out, Optional<Preinit> preinit, int splitBytes,
            Consumer<String> info) throws WasmBuildException, IOException {
        byte[] bytes = Files.readAllBytes(wasm);
        if (splitBytes > 0) {
            bytes = SplitStep.split(bytes, splitBytes, info);
        }
        WasmModule module;
        try {
            module = Parser.parse(bytes);
        } catch (RuntimeException e) {
            throw new WasmBuildException("Chicory cannot read " + wasm + ": " + e.getMessage(), e);
        }
        CompilerResult result;
        try {
            // SILENT: the plugin reports the fall-backs itself, by name, in Maven's log.
            result = Compiler.builder(module).withClassName(PythonJarLayout.MACHINE_CLASS)
                    .withInterpreterFallback(InterpreterFallback.SILENT).build().compile();
        } catch (OutOfMemoryError e) {
            throw new WasmBuildException("compiling " + wasm + " to JVM classes ran out of memory; give Maven"
                    + " about 3 GB of heap (MAVEN_OPTS=-Xmx3g)", e);
        }
        for (var c : result.classBytes().entrySet()) {
            out.add(c.getKey().replace('.', '/') + ".class", c.getValue());
        }
        if (splitBytes > 0) {
            SplitStep.reportHugeMethods(module, result.classBytes(), info);
        }
        TreeSet<Integer> interpreted = new TreeSet<>(result.interpretedFunctions());
        if (preinit.isPresent()) {
            Preinit p = preinit.get();
            long start = System.nanoTime();
            // The snapshot keeps every function, type and index, so the classes compiled from
            // python-preinit.wasm are the snapshot's classes too.
            byte[] snapshot = Preinitialization.snapshot(bytes, module, result.classBytes(),
                    PythonJarLayout.MACHINE_CLASS, p.lib, p.version, p.time, p.scratch);
            p.info.accept(String.format("Pre-initialised CPython in %.1f s: the jar's python.wasm holds the"
                    + " interpreter as it is after start-up (%d MB more of stored memory), so each run skips that (README:"
                    + " the python jar)", (System.nanoTime() - start) / 1e9, (snapshot.length - bytes.length
                    + (1 << 19)) >> 20));
            bytes = snapshot;
        }
        out.add(PACKAGE + PythonJarLayout.WASM, CompiledModule.strip(bytes, interpreted));
        List<String> names = new ArrayList<>();
        for (int index : interpreted) {
            String name = module.nameSection() == null ? null : module.nameSection().nameOfFunction(index);
            names.add(name == null ? "function " + index : name);
        }
        return interpretedWarning(names);
    }

    /**
     * The JVM refuses methods over 64 KB of bytecode; Chicory then interprets those functions.
     * For CPython's eval loop that is the difference between near-node speed and tens of times
     * slower, so the warning says which functions it hit and what that costs.
     */
    static Optional<String> interpretedWarning(List<String> names) {
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String list = String.join(", ", names);
        if (names.contains(EVAL_LOOP)) {
            return Optional.of("CPython's eval loop, " + EVAL_LOOP + ", is too large for a JVM method and will run in"
                    + " Chicory's interpreter, so Python code in this jar runs many times slower than under node"
                    + " (measured with CPython 3.13.5: a 3-million-step loop took minutes instead of seconds)."
                    + " Functions left to the interpreter: " + list + ". " + Action.BUILD + " compiles the eval loop of"
                    + " CPython 3.13 and later for size so that it fits; was this python.wasm built another way, or"
                    + " with CFLAGS that undo it?");
        }
        return Optional.of("Chicory could not compile these functions to JVM methods (over the JVM's 64 KB"
                + " method limit); they run in its interpreter, slower: " + list);
    }

    /** The stdlib as python3.X/… (lib-dynload inside), stored in one zip resource. */
    private static byte[] stdlibZip(BuildLayout layout, EntryTime time) throws WasmBuildException, IOException {
        TreeMap<String, Path> files = new TreeMap<>();
        Packager.addLibrary(files, layout, "");
        JarWriter zip = new JarWriter(null, time);
        for (var f : files.entrySet()) {
            zip.add(f.getKey(), Packager.content(layout, f.getKey(), f.getValue()));
        }
        return zip.bytes();
    }
}
