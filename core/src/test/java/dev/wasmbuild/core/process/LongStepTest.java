package dev.wasmbuild.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one runner of configure, make and the build Python's configure, on a small shell script. */
class LongStepTest {
    @TempDir
    Path dir;
    Path logFile;
    final List<String> info = new ArrayList<>();
    final List<String> output = new ArrayList<>();
    StepLog log;

    @BeforeEach
    void aStaleLog() throws Exception {
        logFile = dir.resolve("step.log");
        Files.writeString(logFile, "from the run before\n");
        log = new StepLog(info::add, info::add, output::add);
    }

    private Command script(String text) {
        return new Command(List.of("sh", "-c", text), dir, Map.of("PATH", "/usr/bin:/bin"));
    }

    private static final LongStep CHECKS = LongStep.counting("configure", "checks",
            line -> line.startsWith("checking ") ? line : null);

    @Test
    void countsItsUnitsResetsTheLogAndSaysWhenDone() throws Exception {
        LongStep.Outcome o = CHECKS.run(script("echo 'checking a... yes'; echo other; echo 'checking b... no'"),
                logFile, Setting.OUTPUT_DIRECTORY, log, tail -> "unused");
        assertEquals(2, o.units());
        assertEquals(List.of("checking a... yes", "other", "checking b... no"), output);
        assertEquals(1, info.size(), info.toString());
        assertTrue(info.get(0).matches("configure: done, 2 checks in \\d+s"), info.toString());
        String written = Files.readString(logFile);
        assertFalse(written.contains("from the run before"), written);
        assertTrue(written.contains("checking b... no"), written);
    }

    @Test
    void aFailureNamesTheStepCommandDirectoryExitCodeAndItsDetails() {
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> CHECKS.run(
                // One stream, so that the tail's order is the script's.
                script("echo 'checking c... no' >&2; echo 'it broke' >&2; exit 4"), logFile, Setting.OUTPUT_DIRECTORY,
                log, tail -> "last output: " + String.join("|", tail)));
        assertEquals(4, e.exitCode());
        assertEquals("configure failed with exit code 4\n  command:   sh -c echo 'checking c... no' >&2; echo"
                + " 'it broke' >&2; exit 4\n  directory: " + dir + "\nlast output: checking c... no|it broke",
                e.getMessage());
        assertEquals(List.of(), info, "a failed step is not reported as done");
    }

    @Test
    void aSilentStepSaysNothingUnlessItFails() throws Exception {
        LongStep silent = LongStep.silent("configure of the build Python");
        silent.run(script("echo 'checking d... yes'"), logFile, Setting.TOOL_CACHE, log.quiet(), tail -> "unused");
        assertEquals(List.of(), info);
        assertEquals(List.of(), output);
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> silent.run(script("exit 2"),
                logFile, Setting.TOOL_CACHE, log.quiet(), tail -> "full log: " + logFile));
        assertTrue(e.getMessage().startsWith("configure of the build Python failed with exit code 2\n"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("\nfull log: " + logFile), e.getMessage());
    }

    @Test
    void aLogThatCannotBeResetNamesItsSetting() throws Exception {
        Path notEmpty = Files.createDirectories(dir.resolve("a-directory/inside"));
        Exception e = assertThrows(Exception.class, () -> CHECKS.run(script("true"), notEmpty.getParent(),
                Setting.OUTPUT_DIRECTORY, log, tail -> ""));
        assertTrue(e.getMessage().startsWith("cannot reset " + notEmpty.getParent() + " ({outputDirectory}): "),
                e.getMessage());
    }
}
