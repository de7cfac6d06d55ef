package dev.wasmbuild.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

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
        Path tmp = createTemporary(dir, file.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                out.write(content);
            }
            keepPermissions(file, tmp);
            moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * An empty sibling for the new content. Not {@link Files#createTempFile}: that makes the file
     * readable by its owner only (0600), and the rename would hand that mode on to the site file,
     * launcher and archives. A plain create gets the mode the user's umask gives any new file.
     */
    private static Path createTemporary(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path tmp = dir.resolve("." + name + "." + random + TEMP_SUFFIX);
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** A file that is being replaced keeps the mode it had (a user may have changed it on purpose). */
    private static void keepPermissions(Path existing, Path replacement) throws IOException {
        if (!Files.isRegularFile(existing)) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(existing, PosixFileAttributeView.class);
        if (view != null) {
            Files.setPosixFilePermissions(replacement, view.readAttributes().permissions());
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
