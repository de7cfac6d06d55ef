package dev.wasmbuild.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Slow, stuck and hostile clients, over raw loopback sockets, each test bounded in time. */
class StaticFileServerLimitsTest {
    private static final String SECRET = "SECRET-OUTSIDE-THE-ROOT";
    /** The pool size of the server before these limits: four stuck clients stalled everything. */
    private static final int OLD_POOL = 4;

    @TempDir
    Path dir;
    StaticFileServer server;
    final List<Socket> stuck = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket s : stuck) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Path layOut() throws IOException {
        Path root = Files.createDirectories(dir.resolve("build"));
        Files.writeString(root.resolve("python.js"), "var Module = {};");
        // Larger than any loopback socket buffer, so a client that does not read blocks the sender.
        byte[] big = new byte[48 << 20];
        Files.write(root.resolve("python.data"), big);
        return root;
    }

    private StaticFileServer start(Path root, ServeLimits limits) throws Exception {
        server = StaticFileServer.start(ServeSettings.validated(root, false, 0, null), limits, ServeLog.silent());
        return server;
    }

    private Socket connect(int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.connect(new InetSocketAddress(StaticFileServer.HOST, server.port()), 5000);
        stuck.add(s);
        return s;
    }

    /** A normal request on a fresh connection; the status line and body, or a timeout after {@code limit}. */
    private String get(String path, Duration limit) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(StaticFileServer.HOST, server.port()), (int) limit.toMillis());
            s.setSoTimeout((int) limit.toMillis());
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    @Timeout(30)
    void clientsSendingHalfARequestDoNotStallOthers() throws Exception {
        start(layOut(), ServeLimits.DEFAULT);
        for (int i = 0; i <= OLD_POOL; i++) {
            connect(0).getOutputStream().write("GET /python.js HTTP/1.1\r\nHost: 127".getBytes(StandardCharsets.US_ASCII));
        }
        long t0 = System.nanoTime();
        String response = get("/python.js", Duration.ofSeconds(5));
        assertTrue(response.startsWith("HTTP/1.1 200 ") && response.endsWith("var Module = {};"), response);
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos(), "answered, but slowly");
    }

    @Test
    @Timeout(30)
    void clientsThatDoNotReadDoNotStallOthers() throws Exception {
        start(layOut(), ServeLimits.DEFAULT);
        for (int i = 0; i <= OLD_POOL; i++) {
            connect(4096).getOutputStream().write("GET /python.data HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        }
        Thread.sleep(500);
        String response = get("/python.js", Duration.ofSeconds(5));
        assertTrue(response.startsWith("HTTP/1.1 200 ") && response.endsWith("var Module = {};"), response);
    }

    @Test
    @Timeout(30)
    void whenEveryConnectionIsTakenStuckClientsAreCutOffInBoundedTime() throws Exception {
        ServeLimits tight = new ServeLimits(OLD_POOL, Duration.ofMillis(800), Duration.ofMillis(800));
        start(layOut(), tight);
        // More stuck clients than connections: half a request, or a big response never read.
        for (int i = 0; i <= OLD_POOL; i++) {
            if (i % 2 == 0) {
                connect(0).getOutputStream().write("GET /python.js HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                connect(4096).getOutputStream().write("GET /python.data HTTP/1.1\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
        long t0 = System.nanoTime();
        String response = get("/python.js", Duration.ofSeconds(10));
        long took = System.nanoTime() - t0;
        assertTrue(response.startsWith("HTTP/1.1 200 ") && response.endsWith("var Module = {};"), response);
        assertTrue(took < Duration.ofSeconds(5).toNanos(), "took " + took / 1_000_000 + " ms");
    }

    @Test
    @Timeout(30)
    void anOverlongRequestHeadIsRefused() throws Exception {
        start(layOut(), ServeLimits.DEFAULT);
        String response = get("/" + "a".repeat(HttpRequestHead.MAX_BYTES + 10), Duration.ofSeconds(5));
        assertTrue(response.startsWith("HTTP/1.1 400 "), response);
    }

    /**
     * A directory inside the root is swapped for a symlink to a directory outside, over and over,
     * while requests for a file in it run. The old check (real path, then open by path) lost
     * this race about once in a hundred requests.
     */
    @Test
    @Timeout(60)
    void swappingADirectoryForALinkNeverLeaksAFileFromOutside() throws Exception {
        Path root = layOut();
        Path inside = Files.createDirectories(root.resolve("d"));
        Files.writeString(inside.resolve("f.txt"), "inside");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("f.txt"), SECRET);
        Path parked = root.resolve("d.parked");
        start(root, ServeLimits.DEFAULT);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger swaps = new AtomicInteger();
        Thread swapper = new Thread(() -> {
            try {
                while (running.get()) {
                    Files.move(inside, parked, StandardCopyOption.ATOMIC_MOVE);
                    Files.createSymbolicLink(inside, outside);
                    Files.delete(inside);
                    Files.move(parked, inside, StandardCopyOption.ATOMIC_MOVE);
                    swaps.incrementAndGet();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        swapper.start();
        int served = 0;
        int requests = 0;
        long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        try {
            while (System.nanoTime() < end) {
                String response = get("/d/f.txt", Duration.ofSeconds(5));
                requests++;
                assertFalse(response.contains(SECRET), "leaked after " + requests + " requests: " + response);
                if (response.startsWith("HTTP/1.1 200 ")) {
                    assertTrue(response.endsWith("\r\n\r\ninside"), response);
                    served++;
                }
            }
        } finally {
            running.set(false);
            swapper.join(10_000);
        }
        assertTrue(swaps.get() > 100, "the race did not run: " + swaps.get() + " swaps");
        assertTrue(served > 0 && served < requests, "served " + served + " of " + requests);
        assertEquals(200, Integer.parseInt(get("/python.js", Duration.ofSeconds(5)).substring(9, 12)));
    }
}
