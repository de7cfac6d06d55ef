package dev.wasmbuild.core.buildpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.io.DirectoryLock;
import dev.wasmbuild.core.process.StepLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs that need the same build Python at once (mvn -T, two terminals): the second waits,
 * says so, and then reuses what the first built instead of building it again. The real lock
 * and the real configure and make steps run, on a {@link StubCPython}.
 */
class BuildPythonLockTest {
    private static final String BUILDING = "Build Python: none cached for this source; building it natively in ";

    @TempDir
    Path dir;

    private Path stubSource(Path configureRuns) throws Exception {
        return StubCPython.create(dir.resolve("cpython"), configureRuns);
    }

    private static StepLog log(Consumer<String> info) {
        return new StepLog(info, line -> { }, line -> { });
    }

    @Test
    void aSecondRunWaitsSaysSoAndReusesWhatTheFirstBuilt() throws Exception {
        Path runs = dir.resolve("configure-runs");
        Path source = stubSource(runs);
        BuildPython cache = new BuildPython(dir.resolve("build-python"));
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin");
        Path built = cache.directoryFor(source);

        // The first run stops right after it announced the build, that is while it holds the lock.
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch letFirstGoOn = new CountDownLatch(1);
        List<String> firstLog = new CopyOnWriteArrayList<>();
        CompletableFuture<Path> first = CompletableFuture.supplyAsync(() -> ensure(cache, source, env, line -> {
            firstLog.add(line);
            if (line.startsWith(BUILDING)) {
                firstInside.countDown();
                await(letFirstGoOn);
            }
        }));
        assertTrue(firstInside.await(30, TimeUnit.SECONDS), "the first run never started building: " + firstLog);

        List<String> secondLog = new CopyOnWriteArrayList<>();
        CompletableFuture<Path> second = CompletableFuture.supplyAsync(
                () -> ensure(cache, source, env, secondLog::add));
        assertThrows(TimeoutException.class, () -> second.get(700, TimeUnit.MILLISECONDS),
                "the second run must wait while the first builds");
        Path lockFile = DirectoryLock.lockFileFor(built);
        Path realLock = lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        assertEquals(List.of("Waiting for another build of the build Python " + built + " (lock " + realLock
                + ") …"), secondLog);

        letFirstGoOn.countDown();
        Path python = built.resolve("python");
        assertEquals(python, first.get(60, TimeUnit.SECONDS));
        assertEquals(python, second.get(60, TimeUnit.SECONDS));
        assertEquals(List.of("run"), Files.readAllLines(runs), "configure ran once");
        assertTrue(secondLog.get(1).startsWith("Got the lock " + realLock + " after "), secondLog.toString());
        assertEquals("Build Python: reusing " + python + " (built by a concurrent run)", secondLog.get(2));
        assertFalse(secondLog.stream().anyMatch(l -> l.startsWith(BUILDING)), secondLog.toString());
    }

    private static Path ensure(BuildPython cache, Path source, Map<String, String> env, Consumer<String> info) {
        try {
            return cache.ensure(source, 1, env, log(info));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the first run go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
