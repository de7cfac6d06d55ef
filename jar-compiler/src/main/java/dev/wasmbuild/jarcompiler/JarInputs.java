package dev.wasmbuild.jarcompiler;

import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.log.Logger;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.configure.Fingerprint;
import dev.wasmbuild.core.io.Hashing;
import dev.wasmbuild.core.packaging.EntryTime;
import dev.wasmbuild.core.packaging.Packager;
import dev.wasmbuild.python.Python;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything the Python jar is made from, so that a {@code mvn package} with nothing changed
 * skips the 30–50 s and ~2 GB of heap that compiling and pre-initialising cost, as configure's
 * fingerprint does for configure. The record sits in the build directory; it is written only
 * after the jar was, so an interrupted write makes the next run write it again.
 *
 * <p>The module the classes are compiled from is hashed in full. The stdlib files count by name,
 * size and modification time (make rewrites what it rebuilds, like make's own rule), the code
 * that writes the jar by the same for its class-path entries (a new plugin or Chicory version,
 * or a rebuilt snapshot). The jar itself counts by size and modification time, so a jar deleted
 * or replaced by hand is written again.
 */
final class JarInputs {
    static final String FILE = ".wasm-jar-inputs";
    /** The line that keeps the warning the writing gave, to repeat it when the jar is kept. */
    private static final String WARNING = "warning";

    private final Fingerprint fingerprint = new Fingerprint();
    private final Path record;
    private final Path jar;

    private JarInputs(Path record, Path jar) {
        this.record = record;
        this.jar = jar;
    }

    /**
     * @param wasm the module the classes are compiled from (python.wasm or python-preinit.wasm)
     * @param preinitialized whether the jar is pre-initialised from it
     */
    static JarInputs of(BuildLayout layout, Path jar, EntryTime time, Path wasm, boolean preinitialized)
            throws WasmBuildException, IOException {
        return of(layout, jar, time, wasm, preinitialized, 0);
    }

    static JarInputs of(BuildLayout layout, Path jar, EntryTime time, Path wasm, boolean preinitialized,
            int splitBytes) throws WasmBuildException, IOException {
        JarInputs inputs = new JarInputs(layout.buildDirectory().resolve(FILE), jar);
        TreeMap<String, Path> lib = new TreeMap<>();
        Packager.addLibrary(lib, layout, "");
        inputs.fingerprint.put("jar", jar.toAbsolutePath().normalize().toString())
                .put("module", wasm.toAbsolutePath().normalize().toString())
                .put("module sha256", Hashing.file(wasm))
                .put("pre-initialised", Boolean.toString(preinitialized))
                .put("split above", Integer.toString(splitBytes))
                .put("version", layout.version().toString())
                .put("entry time", Long.toString(time.epochSecond()))
                // _sysconfigdata is packaged with these two paths replaced.
                .put("build directory", layout.buildDirectory().toAbsolutePath().normalize().toString())
                .put("source directory", layout.sourceDirectory().toAbsolutePath().normalize().toString())
                .put("stdlib", listing(lib.values()))
                .put("plugin code", listing(codeSources()));
        return inputs;
    }

    /**
     * Why the jar must be written, or empty when it was written from these inputs and is still
     * there as it was left.
     */
    Optional<String> reasonToWrite() {
        Optional<Map<String, String>> stored = Fingerprint.read(record);
        if (stored.isEmpty()) {
            return Optional.of("no record of an earlier jar (" + record + ")");
        }
        Map<String, String> before = new TreeMap<>(stored.get());
        String jarBefore = before.remove("jar file");
        before.remove(WARNING);
        Optional<String> changed = fingerprint.differenceFrom(Optional.of(before));
        if (changed.isPresent()) {
            return changed;
        }
        String jarNow = fileState(jar);
        if (!jarNow.equals(jarBefore)) {
            return Optional.of(jar + " is not the one written last (was " + jarBefore + ", now " + jarNow + ")");
        }
        return Optional.empty();
    }

    /** The warning the last writing gave, if any. */
    Optional<String> storedWarning() {
        return Fingerprint.read(record).map(m -> m.get(WARNING)).map(w -> w.replace("\\n", "\n"));
    }

    /** Records these inputs, once the jar is written. */
    void write(Optional<String> warning) throws IOException {
        fingerprint.put("jar file", fileState(jar));
        warning.ifPresent(w -> fingerprint.put(WARNING, w));
        fingerprint.write(record);
    }

    /** Deletes the record before the jar is written, so that a write cut short is not taken for done. */
    void forget() throws IOException {
        Files.deleteIfExists(record);
    }

    private static String fileState(Path file) {
        try {
            return Files.size(file) + " bytes, modified " + Files.getLastModifiedTime(file).toMillis();
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    /** A hash over each file's path, size and modification time; a directory counts by its files. */
    private static String listing(Iterable<Path> paths) throws IOException {
        MessageDigest d = Hashing.sha256();
        for (Path p : paths) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
            for (Path f : files) {
                d.update((f + "\t" + fileState(f) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(d.digest(), 0, 16);
    }

    /** The jars (or class directories) of the code that decides the jar's bytes. */
    private static TreeSet<Path> codeSources() throws IOException {
        TreeSet<Path> sources = new TreeSet<>();
        for (Class<?> c : List.of(JarInputs.class, Packager.class, Compiler.class, Python.class, Instance.class,
                WasiPreview1.class, WasmModule.class, Logger.class)) {
            try {
                sources.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | RuntimeException e) {
                throw new IOException("cannot locate the classes of " + c.getName() + ": " + e.getMessage(), e);
            }
        }
        return sources;
    }
}
