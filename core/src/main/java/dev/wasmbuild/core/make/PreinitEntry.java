package dev.wasmbuild.core.make;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.Platform;
import dev.wasmbuild.core.catalogue.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second link of CPython for WASI, python-preinit.wasm: the same objects and libraries as
 * python.wasm, with the plugin's own main file (wasm-preinit.c) instead of Programs/python.o.
 * That main adds an export which starts the interpreter and returns; wasm:jar runs it once at
 * build time and stores the resulting state in the jar's module, so that each run of the jar
 * starts with CPython initialised. Run any other way (node, wasmtime), the module is python.
 *
 * <p>The make file uses CPython's own variables for compiling and linking python itself
 * (PY_CORE_CFLAGS; LINKCC, LINK_PYTHON_OBJS and the libraries, as the rule for python.wasm
 * has them in 3.11 to 3.14), so it follows the configuration, and it names itself and the main
 * file as prerequisites, so a change of either rebuilds just the one object and link. It is
 * linked after python.wasm ($(BUILDPYTHON) is a prerequisite), so it is never older than the
 * python.wasm of the same build, which is how wasm:jar tells a current one from a stale one.
 */
public final class PreinitEntry {
    /** The program, in the build directory. */
    public static final String PROGRAM = "python-preinit.wasm";
    /** The export that initialises CPython, defined by the main file. */
    public static final String EXPORT = "wasm-plugin-preinit";
    /** The make file, in the build directory; a dot file, like the plugin's other state. */
    public static final String FILE = ".wasm-preinit.mk";
    /** The main file, written beside it. */
    static final String SOURCE = ".wasm-preinit.c";
    private static final String RESOURCE = "wasm-preinit.c";

    private PreinitEntry() {
    }

    /** Only the WASI build runs in the JVM (wasm:jar). */
    public static boolean appliesTo(Target target) {
        return target.platform() == Platform.WASM32_WASI;
    }

    /** Writes the main file and the make file (each only when changed); returns the make file's name. */
    public static String write(Path buildDirectory) throws WasmBuildException {
        MakeFiles.write(buildDirectory, SOURCE, source());
        return MakeFiles.write(buildDirectory, FILE, text());
    }

    static String source() throws WasmBuildException {
        try (InputStream in = PreinitEntry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new WasmBuildException(RESOURCE + " is missing from the plugin's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot read " + RESOURCE + " from the plugin's jar", e);
        }
    }

    static String text() {
        return "# Written by wasm-maven-plugin: python-preinit.wasm, python with an entry that the jar\n"
                + "# runs at build time to store an initialised interpreter. See PreinitEntry.java.\n"
                + "Programs/wasm-preinit.o: " + SOURCE + " " + FILE + " $(PYTHON_HEADERS)\n"
                + "\t$(CC) -c $(PY_CORE_CFLAGS) -o $@ " + SOURCE + "\n"
                + PROGRAM + ": Programs/wasm-preinit.o $(LINK_PYTHON_DEPS) $(BUILDPYTHON)\n"
                + "\t$(LINKCC) $(PY_CORE_LDFLAGS) $(LINKFORSHARED) -o $@ Programs/wasm-preinit.o"
                + " $(LINK_PYTHON_OBJS) $(LIBS) $(MODLIBS) $(SYSLIBS)\n";
    }
}
