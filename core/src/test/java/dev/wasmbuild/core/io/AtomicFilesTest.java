package dev.wasmbuild.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void staleTemporariesFromAKilledRunAreCleanedUp() throws Exception {
        Path target = dir.resolve("config.site-wasm32-wasi");
        Path stale = dir.resolve(".config.site-wasm32-wasi.12345.wasm-tmp");
        Files.writeString(stale, "half");
        assertTrue(AtomicFiles.writeIfChanged(target, new byte[] {1, 2}));
        assertFalse(Files.exists(stale));
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
        assertFalse(AtomicFiles.writeIfChanged(target, new byte[] {1, 2}));
        assertTrue(AtomicFiles.writeIfChanged(target, new byte[] {3}));
    }

    @Test
    void newFilesGetTheUmaskModeAndReplacedFilesKeepTheirs() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        // What the umask gives any plain new file in this directory (0644 with the usual 022).
        Path plain = Files.createFile(dir.resolve("plain"));
        Set<PosixFilePermission> umaskMode = Files.getPosixFilePermissions(plain);
        Assumptions.assumeTrue(umaskMode.contains(PosixFilePermission.GROUP_READ),
                "the umask must let the group read new files for this test to tell the modes apart");

        Path target = dir.resolve("config.site-wasm32-wasi");
        assertTrue(AtomicFiles.writeIfChanged(target, new byte[] {1}));
        assertEquals(umaskMode, Files.getPosixFilePermissions(target), "not the owner-only mode of a temp file");

        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(target, chosen);
        assertTrue(AtomicFiles.writeIfChanged(target, new byte[] {2}));
        assertEquals(chosen, Files.getPosixFilePermissions(target));
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(target));
        try (var left = Files.list(dir)) {
            assertEquals(Set.of(plain, target), Set.copyOf(left.toList()), "no temporaries left behind");
        }
    }
}
