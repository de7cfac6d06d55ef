package dev.wasmbuild.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DNS rebinding: a page of attacker.example whose name is made to resolve to 127.0.0.1 reaches
 * the server with "Host: attacker.example". Only the loopback names are answered.
 */
class StaticFileServerHostTest {

    @TempDir
    static Path dir;
    static StaticFileServer server;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(dir.resolve("build"));
        Files.writeString(root.resolve("python.html"), "<p>page</p>");
        Files.writeString(root.resolve("python.js"), "var Module = {};");
        server = StaticFileServer.start(ServeSettings.validated(root, false, 0, null), ServeLog.silent());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends the request line and header lines exactly as given. */
    private static String request(String requestLine, String... headers) {
        try (Socket socket = new Socket(StaticFileServer.HOST, server.port())) {
            socket.setSoTimeout(10_000);
            StringBuilder s = new StringBuilder(requestLine).append("\r\n");
            for (String h : headers) {
                s.append(h).append("\r\n");
            }
            socket.getOutputStream().write(s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withHost(String host) {
        return request("GET /python.js HTTP/1.1", "Host: " + host.replace("PORT", Integer.toString(server.port())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:PORT", "localhost", "localhost:PORT", "LocalHost:PORT",
        "LOCALHOST", "[::1]", "[::1]:PORT", "localhost:9000", "127.0.0.1:1", "[::1]:65535"})
    void theLoopbackNamesAreAnswered(String host) {
        String response = withHost(host);
        assertTrue(response.startsWith("HTTP/1.1 200 ") && response.endsWith("var Module = {};"), host + ": " + response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"attacker.example", "attacker.example:PORT", "localhost.attacker.example:PORT",
        "127.0.0.1.nip.io", "localhost:", "localhost:0", "localhost:65536", "localhost:8x", "[::1]:-1", "",
        "127.0.0.2:PORT", "0.0.0.0:PORT"})
    void otherNamesAreRefusedSayingWhichAreAllowed(String host) {
        String response = withHost(host);
        assertTrue(response.startsWith("HTTP/1.1 403 "), host + ": " + response);
        assertTrue(response.contains("127.0.0.1, localhost or [::1]"), response);
        assertTrue(response.contains("Cross-Origin-Opener-Policy: same-origin"), "isolation headers on errors too");
        assertTrue(!response.contains("var Module"), response);
    }

    @Test
    void headersAreMatchedWhateverTheirCase() {
        assertTrue(request("GET /python.js HTTP/1.1", "HOST: attacker.example").startsWith("HTTP/1.1 403 "));
        assertTrue(request("GET /python.js HTTP/1.1", "host: localhost").startsWith("HTTP/1.1 200 "));
    }

    @Test
    void http10MayLeaveHostOut() {
        String response = request("GET /python.js HTTP/1.0");
        assertTrue(response.startsWith("HTTP/1.1 200 "), response);
        assertTrue(request("GET /python.js HTTP/1.0", "Host: attacker.example").startsWith("HTTP/1.1 403 "));
    }

    @Test
    void http11WithoutOneHostIsMalformed() {
        assertTrue(request("GET /python.js HTTP/1.1").startsWith("HTTP/1.1 400 "));
        assertTrue(request("GET /python.js HTTP/1.1", "Host: 127.0.0.1", "Host: attacker.example")
                .startsWith("HTTP/1.1 400 "));
        assertTrue(request("GET /python.js HTTP/1.1", "Host: attacker.example", " .example")
                .startsWith("HTTP/1.1 400 "));
    }

    @Test
    void headRequestsAreCheckedToo() {
        String response = request("HEAD /python.js HTTP/1.1", "Host: attacker.example");
        assertTrue(response.startsWith("HTTP/1.1 403 "), response);
    }
}
