package dev.wasmbuild.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The directories a run makes for itself (its scratch /tmp, its empty root, a stdlib being
 * unpacked): deleted when the run ends, and by a shutdown hook when the JVM ends first (SIGTERM,
 * System.exit from another thread), so that {@code kill} of {@code java -jar} leaves nothing in
 * java.io.tmpdir. SIGKILL runs no hook; nothing can clean up after it.
 */
final class ScratchDirectories {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ScratchDirectories::deleteTree),
                "wasm-python-scratch-cleanup"));
    }

    private ScratchDirectories() {
    }

    /** A new private directory in java.io.tmpdir, deleted at the latest when the JVM ends. */
    static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        LIVE.add(dir);
        return dir;
    }

    /** As above, inside parent. */
    static Path create(Path parent, String prefix) throws IOException {
        Path dir = Files.createTempDirectory(parent, prefix);
        LIVE.add(dir);
        return dir;
    }

    /** Deletes dir now; it is no longer the hook's. */
    static void delete(Path dir) {
        if (dir != null) {
            deleteTree(dir);
            LIVE.remove(dir);
        }
    }

    /** Best effort: read-only directories are made writable first, so their files can go. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.forEach(p -> {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    p.toFile().setWritable(true, true);
                }
            });
        } catch (IOException | RuntimeException e) {
            // Deleting below reports nothing either; what stays is left to the tmp cleaner.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // As above.
        }
    }
}
