package dev.wasmbuild.jarcompiler;


import dev.wasmbuild.core.catalogue.Module;

import com.dylibso.chicory.log.Logger;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmbuild.python.Python;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Copies whole artifacts from the plugin's own class path into the Python jar. */
final class ClassPathCopy {
    private ClassPathCopy() {
    }

    /**
     * What the jar's users load: the wasm-python-runtime artifact (the launcher and the WASI
     * glue) and Chicory's runtime, WASI, wasm and log libraries (Apache-2.0), each shaded in
     * whole and unrelocated, so a consumer needs no other dependency. Module descriptors,
     * manifests and signatures stay out.
     */
    static void runtime(JarWriter out) throws IOException {
        for (Class<?> c : List.of(Python.class, Instance.class, WasiPreview1.class, WasmModule.class, Logger.class)) {
            copy(c, out, name -> !name.endsWith("module-info.class") && !name.startsWith("META-INF/MANIFEST.MF")
                    && !name.startsWith("META-INF/maven/") && !name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")
                    && !name.endsWith("/"));
        }
    }

    private static void copy(Class<?> anchor, JarWriter out, java.util.function.Predicate<String> wanted)
            throws IOException {
        Path source;
        try {
            source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate the classes of " + anchor.getName() + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String name = source.relativize(f).toString().replace('\\', '/');
                    if (wanted.test(name)) {
                        out.add(name, Files.readAllBytes(f));
                    }
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            for (var e : (Iterable<java.util.jar.JarEntry>) jar.stream()::iterator) {
                if (!e.isDirectory() && wanted.test(e.getName())) {
                    try (InputStream in = jar.getInputStream(e)) {
                        out.add(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }
}
