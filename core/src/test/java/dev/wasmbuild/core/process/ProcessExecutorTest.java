package dev.wasmbuild.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessExecutorTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    @Test
    void streamSendsBothStreamsToTheConsumerAndTheLogFile(@TempDir Path dir) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Path log = dir.resolve("step.log");
        ProcessExecutor.Streamed r = ProcessExecutor.stream(new Command(
                List.of("sh", "-c", "echo to-out; echo to-err >&2; exit 3"), dir, ENV), lines::add, log,
                Setting.OUTPUT_DIRECTORY);
        assertEquals(3, r.exitCode());
        assertFalse(r.timedOut());
        assertTrue(lines.containsAll(List.of("to-out", "to-err")), lines.toString());
        String logged = Files.readString(log);
        assertTrue(logged.startsWith("$ (cd " + dir + " && sh -c "), logged);
        assertTrue(logged.contains("to-out\n") && logged.contains("to-err\n"), logged);
        assertTrue(r.tail().containsAll(List.of("to-out", "to-err")));
    }

    @Test
    void aLogFileThatCannotBeWrittenGivesTheCauseAndTheSetting(@TempDir Path dir) throws Exception {
        // A regular file where the log file's directory should be stops every user, root too,
        // where a permission trick would not stop root.
        Files.writeString(dir.resolve("build"), "");
        Path log = dir.resolve("build/step.log");
        WasmBuildException e = assertThrows(WasmBuildException.class, () -> ProcessExecutor.stream(new Command(
                List.of("sh", "-c", "echo never"), dir, ENV), l -> { }, log, Setting.OUTPUT_DIRECTORY));
        assertEquals("cannot write the log file " + log + " ({outputDirectory}): already exists"
                + " (FileAlreadyExistsException: " + dir.resolve("build") + ")", e.getMessage());
    }

    @Test
    void theTailKeepsOnlyTheLastLines(@TempDir Path dir) throws Exception {
        ProcessExecutor.Streamed r = ProcessExecutor.stream(new Command(
                List.of("sh", "-c", "i=0; while [ $i -lt 100 ]; do echo line$i; i=$((i+1)); done"), dir, ENV),
                l -> { }, null, null);
        assertEquals(ProcessExecutor.TAIL_LINES, r.tail().size());
        assertEquals("line99", r.tail().get(r.tail().size() - 1));
        assertEquals("line" + (100 - ProcessExecutor.TAIL_LINES), r.tail().get(0));
    }

    @Test
    void captureMergesOutputAndTheChildGetsOnlyTheGivenEnvironment(@TempDir Path dir) throws Exception {
        ProcessExecutor.Captured c = ProcessExecutor.capture(new Command(List.of("sh", "-c",
                "echo \"[$ONLY_THIS]\" \"[$HOME]\"; echo err >&2"), dir, Map.of("PATH", "/usr/bin:/bin",
                "ONLY_THIS", "x y")), Duration.ofSeconds(30));
        assertTrue(c.succeeded());
        assertEquals("[x y] []\nerr", c.output());
    }

    @Test
    void aDirectoryReachedThroughALinkKeepsTheLinksNameForTheShell(@TempDir Path dir) throws Exception {
        // configure takes the build directory's name from pwd; a plain alias must not turn back
        // into the real path (with its spaces) there.
        Path real = Files.createDirectories(dir.resolve("with space"));
        Path link = Files.createSymbolicLink(dir.resolve("plain"), real);
        ProcessExecutor.Captured c = ProcessExecutor.capture(new Command(List.of("sh", "-c", "pwd"), link,
                Map.of("PATH", "/usr/bin:/bin", "PWD", "/somewhere/else")), Duration.ofSeconds(30));
        assertEquals(link.toString(), c.output());
    }

    @Test
    void aMissingProgramSaysWhatCouldNotStart(@TempDir Path dir) {
        WasmBuildException e = assertThrows(WasmBuildException.class, () -> ProcessExecutor.capture(
                new Command(List.of("no-such-program-here"), dir, ENV), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().startsWith("cannot start no-such-program-here in " + dir), e.getMessage());
        assertTrue(e.getMessage().endsWith("(is it installed and on PATH?)"), e.getMessage());
    }

    @Test
    void aTimeoutKillsTheWholeTree(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("grandchild.pid");
        ProcessExecutor.Streamed r = ProcessExecutor.stream(new Command(List.of("sh", "-c",
                "sleep 300 & echo $! > " + pid + "; echo started; wait"), dir, ENV), l -> { }, null, null,
                Duration.ofSeconds(2));
        assertTrue(r.timedOut());
        assertEquals(List.of("started"), r.tail());
        assertGone(Long.parseLong(Files.readString(pid).trim()));
    }

    @Test
    void anInterruptKillsTheWholeTreeAndIsRethrown(@TempDir Path dir) throws Exception {
        // A shell with a grandchild, as configure and make have: both must be gone afterwards.
        Path pid = dir.resolve("grandchild.pid");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                ProcessExecutor.stream(new Command(List.of("sh", "-c", "sleep 300 & echo $! > " + pid + "; wait"),
                        dir, ENV), l -> { }, null, null);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        runner.start();
        long grandchild = awaitPid(pid);
        assertTrue(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false));
        runner.interrupt();
        runner.join(15_000);
        assertFalse(runner.isAlive());
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        assertGone(grandchild);
    }

    @Test
    void theShutdownSweepKillsEveryLiveTree(@TempDir Path dir) throws Exception {
        // What the JVM shutdown hook does on Ctrl-C or SIGTERM, called directly.
        Path pid = dir.resolve("grandchild.pid");
        Thread runner = new Thread(() -> {
            try {
                ProcessExecutor.stream(new Command(List.of("sh", "-c", "sleep 300 & echo $! > " + pid + "; wait"),
                        dir, ENV), l -> { }, null, null);
            } catch (Exception e) {
                // the sweep ends the process; the step's outcome is not what is tested here
            }
        });
        runner.start();
        long grandchild = awaitPid(pid);
        ProcessTree.killAll();
        assertGone(grandchild);
        runner.join(15_000);
        assertFalse(runner.isAlive());
    }

    private static long awaitPid(Path file) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(Files.isRegularFile(file) && !Files.readString(file).isBlank()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return Long.parseLong(Files.readString(file).trim());
    }

    private static void assertGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " outlived");
    }
}
