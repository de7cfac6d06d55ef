package dev.wasmbuild.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.process.ChildJvm;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacking takes the umask of whoever runs Maven, as GNU tar does for a user who is not root.
 * The umask belongs to the process, so another JVM unpacks under one chosen here: 027, which
 * gives modes (0640, 0750) that neither the archive's own (0666, 0777) nor the usual 022 would.
 */
class SourceArchiveUmaskTest {
    @TempDir
    Path dir;

    @Test
    void filesAndDirectoriesGetTheUmaskOfTheRunningProcess() throws Exception {
        Path tgz = dir.resolve("Python-3.11.9.tgz");
        try (OutputStream raw = Files.newOutputStream(tgz);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(raw))) {
            // World-writable modes in the archive: only the owner's execute bit may come through.
            entry(tar, "Python-3.11.9/", 040777, null);
            entry(tar, "Python-3.11.9/configure", 0100777, "#!/bin/sh\nPACKAGE_VERSION='3.11'\n");
            entry(tar, "Python-3.11.9/Lib/", 040777, null);
            entry(tar, "Python-3.11.9/Lib/os.py", 0100666, "import sys\n");
        }
        Path done = dir.resolve("done");
        Path log = dir.resolve("child.log");
        Process child = ChildJvm.startUnderUmask("027", UnpackUnderUmask.class, log, tgz.toString(),
                dir.resolve("out/sources").toString(), done.toString());
        try {
            Path root = Path.of(ChildJvm.awaitFile(done, Duration.ofSeconds(60), child, log));
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals("rwxr-x---", mode(root));
            assertEquals("rwxr-x---", mode(root.resolve("configure")));
            assertEquals("rwxr-x---", mode(root.resolve("Lib")));
            assertEquals("rw-r-----", mode(root.resolve("Lib/os.py")));
        } finally {
            child.destroyForcibly();
        }
    }

    private static void entry(TarArchiveOutputStream tar, String name, int mode, String content) throws Exception {
        TarArchiveEntry e = new TarArchiveEntry(name);
        byte[] bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
        e.setMode(mode);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
