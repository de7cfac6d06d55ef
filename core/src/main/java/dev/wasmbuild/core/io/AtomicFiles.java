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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that readers (configure, make, a second Maven run) never see half a file:
 * the bytes go to a temporary sibling that is renamed over the target.
 *
 * <p>A temporary is named {@code .<name>.<pid>.<random>.wasm-tmp}: unique per write, and
 * carrying the process that owns it, so a run removes only its own temporaries and those whose
 * process is gone (killed between create and rename), never the in-flight file of another run
 * or another thread. Names are compared as strings, never pasted into a glob, so a
 * {@code <finalName>} with {@code {}, {@code [} or {@code *} neither breaks nor widens the match.
 */
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".wasm-tmp";
    private static final long PID = ProcessHandle.current().pid();
    /** What sits between the dotted file name and the suffix: the owner's pid and a random part. */
    private static final Pattern OWNER_AND_RANDOM = Pattern.compile("([0-9]{1,19})\\.[0-9a-z]{1,13}");

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} unless the file already holds exactly those bytes, in which case
     * the file (and its mtime, which make and configure look at) is left alone. Either way the
     * temporaries of killed writers are swept: an unchanged output is the common case of a
     * rebuild, and a leftover would otherwise stay until the content next changed.
     *
     * @return whether the file was written
     */
    public static boolean writeIfChanged(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            removeStaleTemporaries(file.toAbsolutePath().getParent(), file.getFileName().toString());
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
            Path tmp = dir.resolve(temporaryName(name, PID, random));
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    static String temporaryName(String name, long pid, String random) {
        return "." + name + "." + pid + "." + random + TEMP_SUFFIX;
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

    /**
     * Temporaries of {@code name} left by a process that no longer runs. Another process's
     * temporary is in flight while that process lives; this process's own may belong to another
     * thread (Maven builds modules in parallel in one JVM). A pid reused since only makes a stale
     * file stay a little longer.
     */
    private static void removeStaleTemporaries(Path dir, String name) throws IOException {
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String file = p.getFileName().toString();
                if (!file.startsWith(prefix) || !file.endsWith(TEMP_SUFFIX)
                        || file.length() < prefix.length() + TEMP_SUFFIX.length()) {
                    continue;
                }
                Matcher m = OWNER_AND_RANDOM.matcher(file.substring(prefix.length(),
                        file.length() - TEMP_SUFFIX.length()));
                if (!m.matches()) {
                    continue;
                }
                long owner;
                try {
                    owner = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (owner != PID && ProcessHandle.of(owner).isEmpty()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
