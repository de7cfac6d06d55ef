package dev.wasmbuild.core.packaging;

import dev.wasmbuild.core.io.FileErrors;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.Hashing;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.io.AtomicFiles;
import dev.wasmbuild.core.launch.BuildLayout;
import dev.wasmbuild.python.PythonJarLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The self-contained jar of a WASI build: python.wasm compiled to JVM classes by Chicory's
 * compiler, the launcher {@link Python}, Chicory's runtime, and the stdlib as one zip, so a
 * project needs this one dependency to run Python in-process.
 */
public final class PythonJar {
    private static final String PACKAGE = PythonJarLayout.RESOURCE_DIRECTORY;

    private PythonJar() {
    }

    /** Compiling python.wasm takes about 20 s and 2 GB of heap. */
    public static Path write(BuildLayout layout, Path jar) throws ConfigurationException, WasmBuildException {
        return write(layout, jar, EntryTime.DEFAULT);
    }

    public static Path write(BuildLayout layout, Path jar, EntryTime time)
            throws ConfigurationException, WasmBuildException {
        if (layout.target() != Target.WASI) {
            throw new ConfigurationException("target", "wasm:jar packages a wasi build (it runs on Chicory's"
                    + " WASI); set {target} to wasi, not " + layout.target());
        }
        layout.requireBuilt();
        JarWriter out = new JarWriter(PythonJarLayout.MAIN_CLASS, time);
        compile(layout.pythonWasm(), out);
        try {
            out.add(PACKAGE + PythonJarLayout.WASM, Files.readAllBytes(layout.pythonWasm()));
            byte[] lib = stdlibZip(layout, time);
            out.add(PACKAGE + PythonJarLayout.STDLIB_ZIP, lib);
            out.add(PACKAGE + PythonJarLayout.PROPERTIES, ("version=" + layout.version() + "\nlib.sha256="
                    + Hashing.bytes(lib) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ClassPathCopy.runtime(out);
            Files.createDirectories(jar.toAbsolutePath().getParent());
            AtomicFiles.writeIfChanged(jar, out.bytes());
        } catch (IOException e) {
            throw new WasmBuildException("cannot write " + jar + " ({finalName}): " + FileErrors.describe(e), e);
        }
        return jar;
    }

    private static void compile(Path wasm, JarWriter out) throws WasmBuildException {
        WasmModule module;
        try {
            module = Parser.parse(wasm);
        } catch (RuntimeException e) {
            throw new WasmBuildException("Chicory cannot read " + wasm + ": " + e.getMessage(), e);
        }
        Map<String, byte[]> classes;
        try {
            classes = Compiler.builder(module).withClassName(PythonJarLayout.MACHINE_CLASS).build().compile().classBytes();
        } catch (OutOfMemoryError e) {
            throw new WasmBuildException("compiling " + wasm + " to JVM classes ran out of memory; give Maven"
                    + " about 3 GB of heap (MAVEN_OPTS=-Xmx3g)", e);
        }
        for (var c : classes.entrySet()) {
            out.add(c.getKey().replace('.', '/') + ".class", c.getValue());
        }
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
