package dev.wasmbuild.python;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The stdlib that travels in the jar as lib.zip, unpacked on first use into
 * {@code <java.io.tmpdir>/wasm-python-<hash>} (or {@code -Dwasm.python.home=DIR}) and reused
 * by every later run with the same contents.
 */
public final class StandardLibrary {
    private static final String ZIP_RESOURCE = PythonJarLayout.STDLIB_ZIP;
    private static final String PROPERTIES_RESOURCE = PythonJarLayout.PROPERTIES;

    private static StandardLibrary unpacked;

    private final String version;
    private final Path directory;

    private StandardLibrary(String version, Path directory) {
        this.version = version;
        this.directory = directory;
    }

    /** "3.11" */
    String version() {
        return version;
    }

    /** The directory holding the stdlib (with lib-dynload inside). */
    Path directory() {
        return directory;
    }

    static synchronized StandardLibrary unpacked() throws IOException {
        if (unpacked == null) {
            Properties p = new Properties();
            try (InputStream in = resource(PROPERTIES_RESOURCE)) {
                p.load(in);
            }
            String version = p.getProperty("version");
            String hash = p.getProperty("lib.sha256").substring(0, 16);
            Path base = Path.of(System.getProperty("wasm.python.home",
                    Path.of(System.getProperty("java.io.tmpdir"), "wasm-python-" + hash).toString()));
            Path lib = base.resolve("python" + version);
            if (!Files.isRegularFile(lib.resolve("os.py"))) {
                unpack(base, lib);
            }
            unpacked = new StandardLibrary(version, lib);
        }
        return unpacked;
    }

    /** Unpacks into a sibling and moves it into place, so a half-written tree is never used. */
    private static void unpack(Path base, Path lib) throws IOException {
        unpack(base, lib, resource(ZIP_RESOURCE));
    }

    /**
     * As above, from the given zip stream (which it closes). Public for the plugin, which
     * unpacks the same zip the same way for its pre-initialisation run.
     */
    public static void unpack(Path base, Path lib, InputStream zipStream) throws IOException {
        Files.createDirectories(base);
        Path staging = Files.createTempDirectory(base, "unpacking");
        try (ZipInputStream zip = new ZipInputStream(zipStream)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path file = staging.resolve(e.getName()).normalize();
                if (!file.startsWith(staging)) {
                    throw new IOException("lib.zip entry leaves its directory: " + e.getName());
                }
                if (!e.isDirectory()) {
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file);
                }
            }
        }
        Path unpackedLib = staging.resolve(lib.getFileName().toString());
        try {
            Files.move(unpackedLib, lib, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.isRegularFile(lib.resolve("os.py"))) {
                throw e;
            }
            // Another process unpacked the same contents first.
        } catch (IOException e) {
            if (!Files.isRegularFile(lib.resolve("os.py"))) {
                throw e;
            }
        }
        deleteQuietly(staging);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = StandardLibrary.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing next to " + StandardLibrary.class.getName()
                    + ": this jar was not made by wasm:jar");
        }
        return in;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leftovers in the cache directory do no harm.
        }
    }
}
