package dev.wasmbuild.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {

    @Test
    void pumpsBothStreamsIntoTheirSinksAndTheLogFile(@TempDir Path dir) throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        Path log = dir.resolve("step.log");
        ProcessRunner.Result r = new ProcessRunner(out::add, err::add).run(
                List.of("sh", "-c", "echo to-out; echo to-err >&2; exit 3"), dir, Map.of("PATH", "/usr/bin:/bin"), log);
        assertEquals(3, r.exitCode());
        assertEquals(List.of("to-out"), out);
        assertEquals(List.of("to-err"), err);
        String logged = Files.readString(log);
        assertTrue(logged.contains("to-out") && logged.contains("to-err"), logged);
        assertTrue(r.tail().containsAll(List.of("to-out", "to-err")));
    }

    @Test
    void anInterruptKillsTheWholeProcessTreeAndIsRethrown(@TempDir Path dir) throws Exception {
        // A shell with a grandchild, as configure and make have: both must be gone afterwards.
        Path pidFile = dir.resolve("grandchild.pid");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                new ProcessRunner(l -> { }, l -> { }).run(List.of("sh", "-c",
                        "sleep 300 & echo $! > " + pidFile + "; wait"), dir, Map.of("PATH", "/usr/bin:/bin"), null);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        runner.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(Files.isRegularFile(pidFile) && !Files.readString(pidFile).isBlank()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());
        assertTrue(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false));

        runner.interrupt();
        runner.join(15_000);
        assertFalse(runner.isAlive());
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        deadline = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false),
                "the grandchild outlived the interrupt");
    }
}
