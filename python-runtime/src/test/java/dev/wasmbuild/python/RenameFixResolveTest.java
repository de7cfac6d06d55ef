package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rename work-around only acts on paths inside the preopened directories. */
class RenameFixResolveTest {
    private static final Path ROOT = Path.of("/host/root");
    private static final Path TMP = Path.of("/host/tmp");
    private static final List<Path> PREOPENS = List.of(ROOT, TMP);

    @Test
    void descriptorsCountFromThreeInPreopenOrder() {
        assertEquals(ROOT.resolve("a/b.py"), RenameFix.resolve(PREOPENS, 3, "a/b.py"));
        assertEquals(TMP.resolve("x"), RenameFix.resolve(PREOPENS, 4, "x"));
    }

    @Test
    void standardStreamsAndUnknownDescriptorsAreNotPreopens() {
        assertNull(RenameFix.resolve(PREOPENS, 2, "x"));
        assertNull(RenameFix.resolve(PREOPENS, 5, "x"));
    }

    @Test
    void pathsThatLeaveThePreopenAreRefused() {
        assertNull(RenameFix.resolve(PREOPENS, 3, "../etc/passwd"));
        assertNull(RenameFix.resolve(PREOPENS, 3, "a/../../x"));
        assertNull(RenameFix.resolve(PREOPENS, 3, "/etc/passwd"));
    }

    @Test
    void dotDotInsideThePreopenIsNormalised() {
        assertEquals(ROOT.resolve("b"), RenameFix.resolve(PREOPENS, 3, "a/../b"));
    }
}
