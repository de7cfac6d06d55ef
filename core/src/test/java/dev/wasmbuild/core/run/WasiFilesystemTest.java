package dev.wasmbuild.core.run;

import dev.wasmbuild.core.build.BuildLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasiFilesystemTest {
    @TempDir
    Path dir;

    @Test
    void aScratchDirectoryThatCannotBeMadeNamesOutputDirectoryAndTheCause() throws Exception {
        // A regular file where the build directory should be stops root too.
        Path build = Files.writeString(dir.resolve("wasi"), "a file, not a directory");
        BuildLayout layout = new BuildLayout(Target.WASI, new PythonVersion(3, 11), dir.resolve("src"), build);
        WasmBuildException e = assertThrows(WasmBuildException.class, () -> WasiFilesystem.mounts(layout, dir));
        assertEquals("cannot create " + build.resolve("tmp") + " ({outputDirectory}): Not a directory"
                + " (FileSystemException: " + build.resolve("tmp") + ")", e.getMessage());
    }
}
