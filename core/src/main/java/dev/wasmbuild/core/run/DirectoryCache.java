package dev.wasmbuild.core.run;

import com.dylibso.chicory.compiler.Cache;
import dev.wasmbuild.core.io.AtomicFiles;
import dev.wasmbuild.core.io.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Chicory's compiler cache as files in one directory, named by a hash of the key. Each file
 * starts with a header line and the SHA-256 of the compiled classes that follow, so an entry
 * cut short (a full disk, a killed copy) or overwritten is found out when it is read: it is
 * deleted, the notice names it, and Chicory compiles the module again as if it were not there.
 * Without the check Chicory failed on such an entry for good (EOFException for a truncated
 * one, a bare NullPointerException for same-size garbage) and never said which file it was.
 */
final class DirectoryCache implements Cache {
    private static final byte[] HEADER = "wasm-maven-plugin chicory-cache 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_LENGTH = 32;

    private final Path directory;
    private final Consumer<String> notice;
    /** The entry the last get answered with, so that one Chicory cannot load can be discarded. */
    private volatile Path served;

    /** @param notice told when an entry is discarded, and why */
    DirectoryCache(Path directory, Consumer<String> notice) {
        this.directory = directory;
        this.notice = notice;
    }

    @Override
    public byte[] get(String key) throws IOException {
        Path file = file(key);
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        String problem = problem(stored);
        if (problem != null) {
            discard(file, problem);
            return null;
        }
        served = file;
        return Arrays.copyOfRange(stored, HEADER.length + DIGEST_LENGTH, stored.length);
    }

    @Override
    public void putIfAbsent(String key, byte[] data) throws IOException {
        Path file = file(key);
        if (!Files.exists(file)) {
            byte[] framed = new byte[HEADER.length + DIGEST_LENGTH + data.length];
            System.arraycopy(HEADER, 0, framed, 0, HEADER.length);
            System.arraycopy(Hashing.sha256().digest(data), 0, framed, HEADER.length, DIGEST_LENGTH);
            System.arraycopy(data, 0, framed, HEADER.length + DIGEST_LENGTH, data.length);
            AtomicFiles.write(file, framed);
        }
    }

    /**
     * Deletes the entry the last {@link #get} returned, which passed its checksum but could not be
     * loaded (one written by another Chicory version, say), so the next get misses and Chicory
     * compiles again.
     *
     * @return whether there was such an entry
     */
    boolean discardServed(String why) throws IOException {
        Path file = served;
        served = null;
        if (file == null) {
            return false;
        }
        discard(file, why);
        return true;
    }

    private void discard(Path file, String why) throws IOException {
        Files.deleteIfExists(file);
        notice.accept("Chicory cache: deleted the damaged entry " + file + " (" + why + "); compiling the module again");
    }

    /** Why stored bytes are not a whole entry, or null if they are. */
    static String problem(byte[] stored) {
        int start = HEADER.length + DIGEST_LENGTH;
        if (!Arrays.equals(stored, 0, Math.min(stored.length, HEADER.length), HEADER, 0,
                Math.min(stored.length, HEADER.length))) {
            return "it does not start with the plugin's checksum header: an entry of an older plugin version, or"
                    + " not the plugin's";
        }
        if (stored.length < start) {
            return "it is cut short: " + stored.length + " bytes, less than its own header";
        }
        MessageDigest d = Hashing.sha256();
        d.update(stored, start, stored.length - start);
        if (!Arrays.equals(d.digest(), 0, DIGEST_LENGTH, stored, HEADER.length, start)) {
            return "its " + (stored.length - start) + " bytes do not match the SHA-256 recorded with them:"
                    + " cut short or overwritten";
        }
        return null;
    }

    private Path file(String key) {
        return directory.resolve(Hashing.text(key) + ".bin");
    }
}
