package dev.wasmbuild.core.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Test subject run in its own JVM by {@link DirectoryLockTest}: another Maven run holding a
 * directory. It takes the lock, says so through a file, and keeps it until its stdin closes.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path lockFile = Path.of(args[0]);
        Path ready = Path.of(args[1]);
        try (DirectoryLock lock = DirectoryLock.acquire(lockFile, "test", System.out::println)) {
            Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(tmp, "held\n");
            Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE);
            while (System.in.read() >= 0) {
                // hold until the test closes stdin
            }
        }
    }
}
