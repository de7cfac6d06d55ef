package dev.wasmbuild.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.process.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs on one directory take turns, in one JVM (mvn -T) or two, and the one that waits says so. */
class DirectoryLockTest {

    /** Acquires in another thread, so the test can watch it wait. */
    private static CompletableFuture<DirectoryLock> acquireLater(Path lockFile, List<String> log) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return DirectoryLock.acquire(lockFile, "build of X", log::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void assertStillWaiting(CompletableFuture<DirectoryLock> second, List<String> log, Path lockFile)
            throws Exception {
        assertThrows(TimeoutException.class, () -> second.get(700, TimeUnit.MILLISECONDS),
                "the second run must wait while the first holds the lock");
        Path real = lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        assertEquals(List.of("Waiting for another build of X (lock " + real + ") …"), log);
    }

    @Test
    void twoThreadsOfOneJvmTakeTurnsInsteadOfFailingOnOverlappingLocks(@TempDir Path dir) throws Exception {
        Path lockFile = DirectoryLock.lockFileFor(dir.resolve("wasi"));
        List<String> log = new CopyOnWriteArrayList<>();
        CompletableFuture<DirectoryLock> second;
        try (DirectoryLock first = DirectoryLock.acquire(lockFile, "build of X", log::add)) {
            assertTrue(log.isEmpty(), "nobody was in the way: " + log);
            second = acquireLater(lockFile, log);
            assertStillWaiting(second, log, lockFile);
        }
        try (DirectoryLock got = second.get(10, TimeUnit.SECONDS)) {
            assertEquals(2, log.size(), log.toString());
            assertTrue(log.get(1).startsWith("Got the lock "), log.toString());
        }
    }

    @Test
    void aRunInAnotherJvmIsWaitedForUntilItReleases(@TempDir Path dir) throws Exception {
        Path lockFile = DirectoryLock.lockFileFor(dir.resolve("wasi"));
        Path ready = dir.resolve("ready");
        Path childLog = dir.resolve("child.log");
        Process other = ChildJvm.start(LockHolder.class, childLog, lockFile.toString(), ready.toString());
        try {
            ChildJvm.awaitFile(ready, Duration.ofSeconds(60), other, childLog);
            List<String> log = new CopyOnWriteArrayList<>();
            CompletableFuture<DirectoryLock> mine = acquireLater(lockFile, log);
            assertStillWaiting(mine, log, lockFile);
            other.getOutputStream().close(); // the other run finishes
            try (DirectoryLock got = mine.get(30, TimeUnit.SECONDS)) {
                assertTrue(other.waitFor(10, TimeUnit.SECONDS));
                assertEquals(0, other.exitValue(), Files.readString(childLog));
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aHolderKilledWithSigkillReleasesTheLockToo(@TempDir Path dir) throws Exception {
        Path lockFile = DirectoryLock.lockFileFor(dir.resolve("wasi"));
        Path ready = dir.resolve("ready");
        Path childLog = dir.resolve("child.log");
        Process other = ChildJvm.start(LockHolder.class, childLog, lockFile.toString(), ready.toString());
        try {
            ChildJvm.awaitFile(ready, Duration.ofSeconds(60), other, childLog);
            List<String> log = new CopyOnWriteArrayList<>();
            CompletableFuture<DirectoryLock> mine = acquireLater(lockFile, log);
            assertStillWaiting(mine, log, lockFile);
            other.destroyForcibly(); // SIGKILL: no shutdown hook runs, the kernel drops the lock
            mine.get(30, TimeUnit.SECONDS).close();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void manyThreadsGetTheLockOneAtATime(@TempDir Path dir) throws Exception {
        Path lockFile = DirectoryLock.lockFileFor(dir.resolve("wasi"));
        int[] inside = {0};
        int[] most = {0};
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                    for (int j = 0; j < 20; j++) {
                        try (DirectoryLock lock = DirectoryLock.acquire(lockFile, "build of X", line -> { })) {
                            synchronized (inside) {
                                most[0] = Math.max(most[0], ++inside[0]);
                            }
                            Thread.sleep(1);
                            synchronized (inside) {
                                inside[0]--;
                            }
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, java.util.concurrent.Executors.newCachedThreadPool()));
        }
        start.countDown();
        for (CompletableFuture<Void> r : runs) {
            r.get(60, TimeUnit.SECONDS);
        }
        assertEquals(1, most[0]);
    }

    @Test
    void theLockFileLivesBesideTheDirectorySoDeletingTheDirectoryKeepsIt(@TempDir Path dir) throws Exception {
        Path build = dir.resolve("target/wasm/wasi");
        assertEquals(dir.resolve("target/wasm/.wasi.lock"), DirectoryLock.lockFileFor(build));
        assertFalse(DirectoryLock.lockFileFor(build).startsWith(build));
    }

    @Test
    void aNestedAcquireByTheSameThreadIsAnErrorNotADeadlock(@TempDir Path dir) throws Exception {
        Path lockFile = dir.resolve(".x.lock");
        try (DirectoryLock first = DirectoryLock.acquire(lockFile, "build of X", line -> { })) {
            assertThrows(IllegalStateException.class, () -> DirectoryLock.acquire(lockFile, "build of X", l -> { }));
        }
    }

    @Test
    void interruptingAWaitingRunEndsItsWait(@TempDir Path dir) throws Exception {
        Path lockFile = dir.resolve(".x.lock");
        try (DirectoryLock first = DirectoryLock.acquire(lockFile, "build of X", line -> { })) {
            Throwable[] thrown = {null};
            Thread waiter = new Thread(() -> {
                try {
                    DirectoryLock.acquire(lockFile, "build of X", line -> { }).close();
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            waiter.start();
            Thread.sleep(300);
            waiter.interrupt();
            waiter.join(10_000);
            assertFalse(waiter.isAlive());
            assertTrue(thrown[0] instanceof InterruptedException, String.valueOf(thrown[0]));
        }
    }
}
