package dev.wasmbuild.core.make;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.Platform;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import java.nio.file.Path;
import java.util.List;

/**
 * CPython's eval loop, {@code _PyEval_EvalFrameDefault}, is one C function holding every
 * bytecode. From 3.13.3 on it no longer fits in one JVM method (64 KB of bytecode) once Chicory
 * translates it, so the python jar of {@code wasm:jar} would run it in Chicory's interpreter,
 * 10 to 15 times slower. This make file, given to make after CPython's own Makefile, compiles
 * Python/ceval.o alone for size: -Oz, no inlining (Py_INCREF and Py_DECREF are marked
 * always_inline; defining that word away for this one file leaves the choice to -fno-inline),
 * LLVM's IR outliner and hot/cold splitting, which move repeated and error-only code out of the
 * loop. Measured on CPython 3.13.5: 67 KB of wasm at -O3 becomes 52 KB with clang 14 and 51 KB
 * with clang 19, about 62 KB of JVM bytecode. node runs the loop as fast as before (V8 inlines
 * the small calls again). Other files keep configure's optimisation.
 *
 * <p>The make file names itself as a prerequisite of ceval.o, so a build made without it, or
 * with other flags, recompiles that one file.
 */
public final class CompactEvalLoop {
    /** Where it is written, in the build directory; a dot file, like the plugin's other state. */
    public static final String FILE = ".wasm-compact-eval-loop.mk";
    static final List<String> FLAGS = List.of("-Oz", "-fno-inline", "-Dalways_inline=", "-mllvm",
            "-hot-cold-split=true", "-mllvm", "-ir-outliner");
    private static final PythonVersion FIRST = new PythonVersion(3, 13);

    private CompactEvalLoop() {
    }

    /** Only python.wasm for WASI runs in the JVM, and 3.11 and 3.12's loops fit as they are. */
    public static boolean appliesTo(Target target, PythonVersion python) {
        return target.platform() == Platform.WASM32_WASI && python.compareTo(FIRST) >= 0;
    }

    /**
     * Writes the make file (only when its text changed, so make's view of it stays put) and
     * returns its name, for {@link MakeFiles#arguments}.
     */
    public static String write(Path buildDirectory) throws WasmBuildException {
        return MakeFiles.write(buildDirectory, FILE, text());
    }

    static String text() {
        return "# Written by wasm-maven-plugin: CPython's eval loop compiled small enough to be one JVM\n"
                + "# method when python.wasm runs in Chicory (the python jar). See CompactEvalLoop.java.\n"
                + "Python/ceval.o: PY_CFLAGS_NODIST += " + String.join(" ", FLAGS) + "\n"
                + "Python/ceval.o: " + FILE + "\n";
    }
}
