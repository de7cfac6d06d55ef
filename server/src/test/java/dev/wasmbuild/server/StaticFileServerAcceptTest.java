package dev.wasmbuild.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a failed accept does. Out of file descriptors, accept(2) fails with EMFILE while the
 * listening socket is fine; the server used to close on the first such error and leave later
 * requests with "connection refused". A socket that fails as many times as asked stands in for
 * the exhausted machine (lowering the JVM's own descriptor limit is not possible from a test).
 */
class StaticFileServerAcceptTest {

    @TempDir
    Path dir;
    Path root;
    StaticFileServer server;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<String> infos = new CopyOnWriteArrayList<>();

    @BeforeEach
    void layOut() throws IOException {
        root = Files.createDirectories(dir.resolve("build"));
        Files.writeString(root.resolve("python.html"), "<p>page</p>");
        Files.writeString(root.resolve("python.js"), "var Module = {};");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A listening socket whose first {@code failures} accepts fail as they do without free descriptors. */
    static final class ExhaustedSocket extends ServerSocket {
        final AtomicInteger failures;

        ExhaustedSocket(int failures) throws IOException {
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public Socket accept() throws IOException {
            if (failures.getAndDecrement() > 0) {
                throw new IOException("Too many open files");
            }
            return super.accept();
        }
    }

    private StaticFileServer start(StaticFileServer.Listeners listeners) throws Exception {
        ServeLog log = new ServeLog(infos::add, s -> { }, warnings::add);
        server = StaticFileServer.start(ServeSettings.validated(root, false, 0, null), ServeLimits.DEFAULT, log,
                listeners);
        return server;
    }

    private String get(String path) throws IOException {
        try (Socket socket = new Socket(StaticFileServer.HOST, server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    @Timeout(30)
    void failedAcceptsAreRetriedAndReportedOncePerBurst() throws Exception {
        start(() -> new ExhaustedSocket(6));
        String response = get("/python.js");
        assertTrue(response.startsWith("HTTP/1.1 200 ") && response.endsWith("var Module = {};"), response);
        assertFalse(server.isClosed());
        assertTrue(server.failure().isEmpty(), server.failure().toString());
        assertEquals(1, warnings.size(), "one warning for the burst of six failures: " + warnings);
        assertTrue(warnings.get(0).contains("Too many open files") && warnings.get(0).contains("keeps retrying"),
                warnings.get(0));
        assertTrue(infos.stream().anyMatch(s -> s.contains("accepts connections again, after 6 failed attempts")),
                String.valueOf(infos));
        // And it goes on serving.
        assertTrue(get("/python.html").startsWith("HTTP/1.1 200 "));
    }

    @Test
    @Timeout(30)
    void aListeningSocketClosedUnderneathEndsTheServerWithAFailure() throws Exception {
        AtomicReference<ServerSocket> listener = new AtomicReference<>();
        start(() -> {
            ServerSocket s = new ServerSocket();
            listener.set(s);
            return s;
        });
        assertTrue(get("/python.js").startsWith("HTTP/1.1 200 "));
        listener.get().close();
        Thread waiter = new Thread(() -> {
            try {
                server.awaitClose();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        waiter.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(waiter.isAlive(), "awaitClose() did not return after the socket was closed");
        assertTrue(server.isClosed());
        assertTrue(server.failure().isPresent(), "no failure recorded");
        assertTrue(server.failure().get().contains("was closed"), server.failure().get());
        assertEquals(1, warnings.size(), String.valueOf(warnings));
    }

    @Test
    void anOrdinaryCloseIsNoFailure() throws Exception {
        start(ServerSocket::new).close();
        assertTrue(server.failure().isEmpty());
    }

    @Test
    void theBackoffGrowsToItsCapAndABurstIsReportedByItsFirstFailure() {
        AcceptBackoff backoff = new AcceptBackoff();
        assertTrue(backoff.failed());
        assertFalse(backoff.failed());
        long last = 0;
        for (int i = 0; i < 20; i++) {
            long d = backoff.delayMillis();
            assertTrue(d >= last && d <= AcceptBackoff.MAX_MILLIS, "delay " + d + " after " + last);
            last = d;
        }
        assertEquals(AcceptBackoff.MAX_MILLIS, last);
        assertEquals(2, backoff.succeeded());
        assertEquals(AcceptBackoff.FIRST_MILLIS, backoff.delayMillis());
        assertTrue(backoff.failed(), "a new burst is reported again");
    }
}
