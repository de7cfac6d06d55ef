package dev.wasmbuild.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.source.CPythonSource;
import dev.wasmbuild.core.source.PendingSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wasm:run and wasm:jar: the build is looked for before a source still in its archive is unpacked. */
class FinishedBuildTest {
    @TempDir
    Path dir;

    @Test
    void withoutABuildNothingIsUnpacked() throws Exception {
        AtomicInteger unpacked = new AtomicInteger();
        CPythonSource source = PendingSources.counting(dir, unpacked);
        Path build = dir.resolve("out/wasi");
        BuildLayout layout = BuildLayout.of(Target.WASI, source, build);
        WasmBuildException e = assertThrows(WasmBuildException.class, () -> layout.finished(source));
        assertEquals("there is no python.wasm in " + build + "; build the wasi target first"
                + " ({run:build target=wasi})", e.getMessage());
        assertEquals(0, unpacked.get());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void withABuildTheSourceIsUnpackedWhereTheLayoutSaysOnce() throws Exception {
        AtomicInteger unpacked = new AtomicInteger();
        CPythonSource source = PendingSources.counting(dir, unpacked);
        Path build = Files.createDirectories(dir.resolve("out/wasi"));
        Files.writeString(build.resolve("python.wasm"), "\0asm");
        BuildLayout layout = BuildLayout.of(Target.WASI, source, build).finished(source);
        assertEquals(1, unpacked.get());
        assertTrue(Files.isRegularFile(layout.sourceDirectory().resolve("configure")));
        assertEquals(dir.resolve("out/sources/Python-3.11.9/Lib"), layout.stdlib());
    }
}
