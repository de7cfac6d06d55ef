package dev.wasmbuild.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes files so that readers (configure, make, a second Maven run) never see half a file:
 * the bytes go to a temporary sibling that is renamed over the target.
 */
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".wasm-tmp";

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} unless the file already holds exactly those bytes, in which case
     * the file (and its mtime, which make and configure look at) is left alone.
     *
     * @return whether the file was written
     */
    public static boolean writeIfChanged(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            return false;
        }
        write(file, content);
        return true;
    }

    public static void write(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        removeStaleTemporaries(dir, file.getFileName().toString());
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", TEMP_SUFFIX);
        try {
            Files.write(tmp, content);
            moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Temporaries left by a run that was killed between create and rename. */
    private static void removeStaleTemporaries(Path dir, String name) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "." + name + ".*" + TEMP_SUFFIX)) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
    }
}
