package dev.wasmbuild.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every WASI build of this user composes the same sysroot in the tool cache; runs that start
 * together (mvn -T, two CI jobs) must all get it, none failing on a link another run just made.
 */
class ComposedSysrootTest {
    private static final int RUNS = 8;

    @Test
    void concurrentRunsAllComposeTheSameSysroot(@TempDir Path cache) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        try {
            for (int round = 0; round < 40; round++) {
                Path sysroot = cache.resolve("wasi-sysroot-" + round);
                CyclicBarrier together = new CyclicBarrier(RUNS);
                List<CompletableFuture<Void>> runs = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    runs.add(CompletableFuture.runAsync(() -> {
                        try {
                            together.await();
                            WasiToolchain.composeSysroot(sysroot);
                        } catch (Exception e) {
                            throw new IllegalStateException("round " + sysroot.getFileName() + ": " + e, e);
                        }
                    }, pool));
                }
                for (CompletableFuture<Void> r : runs) {
                    r.get(30, TimeUnit.SECONDS);
                }
                assertEquals(WasiToolchain.DEBIAN_HEADERS, Files.readSymbolicLink(sysroot.resolve("include/wasm32-wasi")));
                assertEquals(WasiToolchain.DEBIAN_LIBS, Files.readSymbolicLink(sysroot.resolve("lib/wasm32-wasi")));
                try (var left = Files.list(sysroot.resolve("lib"))) {
                    assertEquals(expectedLibEntries(), left.map(p -> p.getFileName().toString())
                            .sorted().toList(), "no temporary links left behind");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** pkgconfig and a link per triple tree the installed wasi-libc has (wasip1/wasip2 on Debian 13 only). */
    private static List<String> expectedLibEntries() {
        List<String> names = new ArrayList<>(List.of("pkgconfig", "wasm32-wasi"));
        for (String triple : List.of("wasm32-wasip1", "wasm32-wasip2")) {
            if (Files.isDirectory(WasiToolchain.DEBIAN_HEADERS.resolveSibling(triple))
                    && Files.isDirectory(WasiToolchain.DEBIAN_LIBS.resolveSibling(triple))) {
                names.add(triple);
            }
        }
        return names;
    }
}
