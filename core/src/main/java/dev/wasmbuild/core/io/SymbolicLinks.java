package dev.wasmbuild.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Symbolic links that several Maven runs may create at the same moment. */
public final class SymbolicLinks {
    private SymbolicLinks() {
    }

    /**
     * Makes {@code link} a symbolic link to {@code target}. A new link is made under a unique
     * name and renamed over the old one, since rename replaces atomically: a concurrent run
     * never sees the link missing, and two runs creating it at once do not collide (delete then
     * create would fail one of them with "file exists").
     */
    public static void place(Path link, Path target) throws IOException {
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
            return;
        }
        Files.createDirectories(link.toAbsolutePath().getParent());
        Path fresh = link.resolveSibling("." + link.getFileName() + "." + UUID.randomUUID() + ".link");
        Files.createSymbolicLink(fresh, target);
        try {
            Files.move(fresh, link, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(fresh);
            throw e;
        }
    }
}
