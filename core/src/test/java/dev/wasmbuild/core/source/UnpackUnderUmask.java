package dev.wasmbuild.core.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Test subject run in its own JVM by {@link SourceArchiveUmaskTest}, under the umask that test
 * chose: unpacks an archive and writes the tree's root to a file (by rename, so never half).
 */
public final class UnpackUnderUmask {
    private UnpackUnderUmask() {
    }

    public static void main(String[] args) throws Exception {
        Path root = SourceArchive.unpack(Path.of(args[0]), null, Path.of(args[1]));
        Path done = Path.of(args[2]);
        Path tmp = done.resolveSibling(done.getFileName() + ".tmp");
        Files.writeString(tmp, root + "\n");
        Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
    }
}
