package dev.wasmbuild.core.regrtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.launch.BuildLayout;
import dev.wasmbuild.core.launch.RunnerKind;
import dev.wasmbuild.core.process.StepLog;
import dev.wasmbuild.core.run.GuestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What wasm:test does on disk before the first module runs. No interpreter is started here. */
class RegressionTestsRunTest {
    private static final StepLog QUIET = new StepLog(line -> { }, line -> { }, line -> { });

    @TempDir
    Path dir;

    private RegressionTests tests(Path build) throws Exception {
        BuildLayout layout = new BuildLayout(Target.WASI, new PythonVersion(3, 11), dir.resolve("src"), build);
        // Chicory needs no program on PATH; nothing gets as far as running it.
        return new RegressionTests(GuestRun.of(layout, RunnerKind.CHICORY, Map.of()), layout, QUIET);
    }

    @Test
    void aReportsDirectoryThatCannotBeMadeNamesReportsDirectoryAndTheCause() throws Exception {
        Path build = Files.createDirectories(dir.resolve("wasi"));
        Files.writeString(build.resolve("python.wasm"), "\0asm");
        // A regular file where the directory should be stops root too.
        Path reports = Files.writeString(dir.resolve("reports"), "a file, not a directory");
        WasmBuildException e = assertThrows(WasmBuildException.class, () -> tests(build).run(
                RegressionTests.validated(List.of("test_os"), List.of(), 1, reports)));
        assertEquals("cannot create " + reports + " ({reportsDirectory}): already exists"
                + " (FileAlreadyExistsException: " + reports + ")", e.getMessage());
    }
}
