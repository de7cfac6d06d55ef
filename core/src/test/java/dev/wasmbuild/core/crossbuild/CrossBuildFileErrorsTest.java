package dev.wasmbuild.core.crossbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.PathAliases;
import dev.wasmbuild.core.process.StepLog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cross build's file-system failures say what went wrong and which setting to change. Each
 * case puts a regular file where a directory must be: that stops root as well, where a
 * read-only directory would not.
 */
class CrossBuildFileErrorsTest {
    private static final StepLog QUIET = new StepLog(line -> { }, line -> { }, line -> { });

    @TempDir
    Path dir;

    @Test
    void aBuildDirectoryThatCannotBeLockedNamesOutputDirectoryAndTheCause() throws Exception {
        Path output = Files.writeString(dir.resolve("wasm"), "a file, not a directory");
        Path build = output.resolve("wasi");
        WasmBuildException e = assertThrows(WasmBuildException.class,
                () -> CrossBuild.lockBuildDirectory(build, QUIET));
        assertEquals("cannot lock the build directory " + build + " ({outputDirectory}) through "
                + output.resolve(".wasi.lock") + ": already exists (FileAlreadyExistsException: " + output + ")",
                e.getMessage());
    }

    @Test
    void anAliasThatCannotBeMadeNamesToolCacheAndTheCause() throws Exception {
        Path links = Files.writeString(dir.resolve("paths"), "a file, not a directory");
        PathAliases aliases = new PathAliases(links);
        Path project = Files.createDirectories(dir.resolve("my project"));
        WasmBuildException e = assertThrows(WasmBuildException.class,
                () -> CrossBuild.alias(aliases, project, line -> { }));
        assertEquals("cannot link " + aliases.aliasFor(project) + " ({toolCache}) to " + project + " (configure and"
                + " make need a path without spaces to it): already exists (FileAlreadyExistsException: " + links
                + ")", e.getMessage());
    }
}
