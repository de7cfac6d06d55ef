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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicFilesTest {
    @TempDir
    Path dir;

    /** Linux pids stop at 2^22; this one never runs. */
    private static final long DEAD_PID = 99_999_999L;

    @Test
    void staleTemporariesFromAKilledRunAreCleanedUp() throws Exception {
        Path target = dir.resolve("config.site-wasm32-wasi");
        Path stale = dir.resolve(AtomicFiles.temporaryName("config.site-wasm32-wasi", DEAD_PID, "k1ll3d"));
        Files.writeString(stale, "half");
        assertTrue(AtomicFiles.writeIfChanged(target, new byte[] {1, 2}));
        assertFalse(Files.exists(stale));
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
        assertFalse(AtomicFiles.writeIfChanged(target, new byte[] {1, 2}));
        assertTrue(AtomicFiles.writeIfChanged(target, new byte[] {3}));
    }

    @Test
    void anotherRunsInFlightTemporaryIsLeftAlone() throws Exception {
        Path target = dir.resolve("app-1.0-wasi.zip");
        // A live process (our parent, the build) and this process (another thread) own these.
        long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Path otherRun = dir.resolve(AtomicFiles.temporaryName("app-1.0-wasi.zip", live, "inflight"));
        Path otherThread = dir.resolve(AtomicFiles.temporaryName("app-1.0-wasi.zip",
                ProcessHandle.current().pid(), "thread2"));
        Files.writeString(otherRun, "writing");
        Files.writeString(otherThread, "writing");
        AtomicFiles.write(target, new byte[] {1});
        assertEquals("writing", Files.readString(otherRun));
        assertEquals("writing", Files.readString(otherThread));
    }

    @Test
    void anUnchangedWriteStillSweepsTheTemporariesOfKilledWritersAndKeepsLiveOnes() throws Exception {
        Path target = dir.resolve("app-1.0-wasi.jar");
        AtomicFiles.write(target, new byte[] {4, 2});
        // kill -9 during the next packaging left one behind; a run still writing owns the other.
        long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Path killed = dir.resolve(AtomicFiles.temporaryName("app-1.0-wasi.jar", DEAD_PID, "k1ll3d"));
        Path inFlight = dir.resolve(AtomicFiles.temporaryName("app-1.0-wasi.jar", live, "inflight"));
        Files.writeString(killed, "half a jar");
        Files.writeString(inFlight, "writing");
        long modified = Files.getLastModifiedTime(target).toMillis();

        assertFalse(AtomicFiles.writeIfChanged(target, new byte[] {4, 2}), "the content is the same");
        assertFalse(Files.exists(killed), "the dead writer's temporary stayed");
        assertEquals("writing", Files.readString(inFlight));
        assertEquals(modified, Files.getLastModifiedTime(target).toMillis(), "an unchanged file is not touched");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app{1.0-wasi.zip", "app[1.0-wasi.zip", "app*-wasi.zip", "*", "a{b,c}[d]*?.jar"})
    void namesWithGlobCharactersNeitherBreakNorWidenTheCleanUp(String name) throws Exception {
        // Stale, but of other files: a name pasted into a glob ("*" above) would have matched them.
        Path neighbour = dir.resolve(AtomicFiles.temporaryName("app-1.0-wasi.zip", DEAD_PID, "other"));
        Path neighbour2 = dir.resolve(AtomicFiles.temporaryName("x", DEAD_PID, "other"));
        Path ownStale = dir.resolve(AtomicFiles.temporaryName(name, DEAD_PID, "mine"));
        Files.writeString(neighbour, "keep");
        Files.writeString(neighbour2, "keep");
        Files.writeString(ownStale, "stale");
        Path target = dir.resolve(name);
        assertTrue(AtomicFiles.writeIfChanged(target, new byte[] {7}));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
        assertTrue(Files.exists(neighbour) && Files.exists(neighbour2), "another file's temporaries were deleted");
        assertFalse(Files.exists(ownStale));
        try (var left = Files.list(dir)) {
            assertEquals(Set.of(target, neighbour, neighbour2), Set.copyOf(left.toList()));
        }
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
