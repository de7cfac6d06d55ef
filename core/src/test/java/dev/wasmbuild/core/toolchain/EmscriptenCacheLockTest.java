package dev.wasmbuild.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs that copy or seed the same writable emscripten cache at once: the second waits,
 * says so, and finds the work done when its turn comes. Both runs are the real code on a tiny
 * installed cache; the first is held inside its lock by its own log line.
 */
class EmscriptenCacheLockTest {
    static final EmscriptenPort PORT = EmscriptenCacheTest.PORT;

    @TempDir
    Path dir;
    Path installedCache;
    Path zlib;

    @BeforeEach
    void trees() throws Exception {
        installedCache = Files.createDirectories(dir.resolve("emscripten/cache"));
        Files.createDirectories(installedCache.resolve("sysroot/lib"));
        Files.writeString(installedCache.resolve("sysroot/lib/libc.a"), "lib");
        zlib = Files.createDirectories(dir.resolve("zlib-src"));
        Files.writeString(zlib.resolve("zlib.h"), "/* zlib */");
    }

    /** Each run makes its own instance, as two Maven runs would. */
    private EmscriptenCache cache() {
        return new EmscriptenCache(dir.resolve("tool-cache"), dir.resolve("emscripten"), "3.1.6", installedCache);
    }

    private interface Work {
        void run(EmscriptenCache cache, Consumer<String> log) throws Exception;
    }

    /**
     * Runs {@code work} twice at once, the first held where it logs a line starting with
     * {@code announced}; @return the second run's log
     */
    private List<String> twoRuns(String announced, Work work) throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch letFirstGoOn = new CountDownLatch(1);
        List<String> firstLog = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(work, line -> {
            firstLog.add(line);
            if (line.startsWith(announced)) {
                firstInside.countDown();
                try {
                    letFirstGoOn.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        assertTrue(firstInside.await(30, TimeUnit.SECONDS), "the first run never started: " + firstLog);
        List<String> secondLog = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> run(work, secondLog::add));
        assertThrows(TimeoutException.class, () -> second.get(700, TimeUnit.MILLISECONDS),
                "the second run must wait while the first works");
        Path lock = cache().directory().getParent().toRealPath().resolve(".lock");
        assertEquals(List.of("Waiting for another copy or seeding of the writable emscripten cache "
                + cache().directory() + " (lock " + lock + ") …"), secondLog);
        letFirstGoOn.countDown();
        first.get(60, TimeUnit.SECONDS);
        second.get(60, TimeUnit.SECONDS);
        assertEquals(1, firstLog.stream().filter(l -> l.startsWith(announced)).count(), firstLog.toString());
        return secondLog;
    }

    private void run(Work work, Consumer<String> log) {
        try {
            work.run(cache(), log);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSecondCopyWaitsAndFindsTheCopyMade() throws Exception {
        List<String> second = twoRuns("Copying emscripten's read-only cache", (cache, log) -> cache.ensureCopied(log));
        // Waiting, then the lock, and nothing else: the copy the first run made is kept.
        assertEquals(2, second.size(), second.toString());
        assertTrue(second.get(1).startsWith("Got the lock "), second.toString());
        assertEquals("lib", Files.readString(cache().directory().resolve("sysroot/lib/libc.a")));
    }

    @Test
    void aSecondSeedingWaitsAndFindsThePortSeeded() throws Exception {
        cache().ensureCopied(line -> { });
        List<String> second = twoRuns("Seeding emscripten's zlib port", (cache, log) -> cache.seedPort(PORT, zlib,
                log));
        assertEquals(2, second.size(), second.toString());
        assertTrue(second.get(1).startsWith("Got the lock "), second.toString());
        assertEquals("/* zlib */", Files.readString(cache().directory().resolve("ports/zlib/zlib-1.2.11/zlib.h")));
    }
}
