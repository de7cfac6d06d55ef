package dev.wasmbuild.core.regrtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.run.RunnerKind;
import dev.wasmbuild.core.process.StepLog;
import dev.wasmbuild.core.run.GuestRun;
import dev.wasmbuild.core.source.PendingSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What wasm:test does on disk before the first module runs: nothing at all until the runner
 * and the build were found. No interpreter is started here.
 */
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

    @Test
    void withoutABuildNothingIsUnpackedOrCreated() throws Exception {
        AtomicInteger unpacked = new AtomicInteger();
        Path build = dir.resolve("out/wasi");
        WasmBuildException e = assertThrows(WasmBuildException.class, () -> RegressionTests.prepare(Target.WASI,
                PendingSources.counting(dir, unpacked), build, RunnerKind.CHICORY, Map.of(), QUIET));
        assertTrue(e.getMessage().startsWith("there is no python.wasm in " + build), e.getMessage());
        assertEquals(0, unpacked.get());
        assertFalse(Files.exists(dir.resolve("out")), "neither the sources nor wasi/tmp");
    }

    @Test
    void aMissingRunnerIsFoundBeforeTheSourceIsUnpacked() throws Exception {
        AtomicInteger unpacked = new AtomicInteger();
        Path build = Files.createDirectories(dir.resolve("out/wasi"));
        Files.writeString(build.resolve("python.wasm"), "\0asm");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> RegressionTests.prepare(
                Target.WASI, PendingSources.counting(dir, unpacked), build, RunnerKind.NODE, Map.of("PATH", ""), QUIET));
        assertEquals(Setting.RUNNER, e.setting());
        assertEquals(0, unpacked.get());
        assertFalse(Files.exists(build.resolve("tmp")));
    }

    @Test
    void withABuildTheSourceIsUnpackedOnceAndNoDirectoryIsMadeYet() throws Exception {
        AtomicInteger unpacked = new AtomicInteger();
        Path build = Files.createDirectories(dir.resolve("out/wasi"));
        Files.writeString(build.resolve("python.wasm"), "\0asm");
        RegressionTests tests = RegressionTests.prepare(Target.WASI, PendingSources.counting(dir, unpacked), build,
                RunnerKind.CHICORY, Map.of(), QUIET);
        assertEquals(RunnerKind.CHICORY, tests.runnerKind());
        assertEquals(1, unpacked.get());
        assertFalse(Files.exists(build.resolve("tmp")));
    }
}
