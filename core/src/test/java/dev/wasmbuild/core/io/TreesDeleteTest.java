package dev.wasmbuild.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmbuild.core.FileErrors;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreesDeleteTest {
    @TempDir
    Path tmp;

    @Test
    void deletesATreeAndSaysWhetherThereWasOne() throws Exception {
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/b/file"), "x");
        assertTrue(Trees.delete(tree));
        assertFalse(Files.exists(tree));
        assertFalse(Trees.delete(tree));
    }

    /**
     * rm cannot remove the entries of /proc, even as root (where permission bits would not stop
     * it), so this is a failure that any test machine can produce.
     */
    @Test
    void aTreeThatStaysGivesRmsReasonWithThePathOnce() {
        Path undeletable = Path.of("/proc/self/fdinfo");
        assumeTrue(Files.isDirectory(undeletable), "needs Linux's /proc");
        FileSystemException e = assertThrows(FileSystemException.class, () -> Trees.delete(undeletable));
        assertEquals(undeletable.toString(), e.getFile());
        assertTrue(e.getReason().contains("rm: cannot remove '/proc/self/fdinfo/"), e.getReason());
        // As a caller words it: "cannot delete X (setting): " + describe(e).
        String described = FileErrors.describe(e);
        assertFalse(described.contains("cannot delete"), described);
        assertTrue(described.endsWith("(FileSystemException: /proc/self/fdinfo)"), described);
    }
}
