package dev.wasmbuild.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
