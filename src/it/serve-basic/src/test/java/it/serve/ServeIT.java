package it.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Talks to the server wasm:serve-start left running, at the URL it published as project properties. */
class ServeIT {

    private static final String MARKER = "SERVE-BASIC-OUTSIDE-MARKER";
    private static final URI BASE = URI.create(System.getProperty("serve.url"));
    private static final int PORT = Integer.parseInt(System.getProperty("serve.port"));
    private static final Path SITE = Path.of("site");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<byte[]> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(BASE.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The request line goes out byte for byte; HttpClient would normalise dot segments away. */
    private static String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void thePublishedPropertiesDescribeTheRunningServer() {
        assertEquals("http://127.0.0.1:" + PORT + "/", BASE.toString());
        assertEquals(BASE + "python.html", System.getProperty("serve.pageUrl"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "python.wasm|application/wasm",
        "python.js|text/javascript",
        "python.worker.js|text/javascript",
        "python.data|application/octet-stream",
        "docs/|text/html; charset=utf-8"})
    void servesTheBuildWithTypesAndIsolationHeaders(String path, String type) throws Exception {
        HttpResponse<byte[]> response = send("GET", path);
        assertEquals(200, response.statusCode());
        assertEquals(type, header(response, "Content-Type"));
        assertEquals("same-origin", header(response, "Cross-Origin-Opener-Policy"));
        assertEquals("require-corp", header(response, "Cross-Origin-Embedder-Policy"));
        assertEquals("same-origin", header(response, "Cross-Origin-Resource-Policy"));
        Path file = SITE.resolve(path.endsWith("/") ? path + "index.html" : path);
        assertArrayEquals(Files.readAllBytes(file), response.body());
    }

    @Test
    void thePageLoadsXtermFromTheServerInsteadOfTheCdn() throws Exception {
        HttpResponse<byte[]> page = send("GET", "/");
        assertEquals("text/html; charset=utf-8", header(page, "Content-Type"));
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertFalse(html.contains("unpkg.com"), html);
        assertTrue(html.contains("<script src=\"/_xterm/lib/xterm.js\" crossorigin integrity=\"sha384-fixture-js\">"),
                html);
        assertTrue(html.contains("href=\"/_xterm/css/xterm.css\" crossorigin integrity=\"sha384-fixture-css\""), html);

        HttpResponse<byte[]> script = send("GET", "/_xterm/lib/xterm.js");
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript", header(script, "Content-Type"));
        assertEquals("require-corp", header(script, "Cross-Origin-Embedder-Policy"));
        assertArrayEquals(Files.readAllBytes(Path.of("xterm/lib/xterm.js")), script.body());
        assertEquals("text/css; charset=utf-8", header(send("GET", "/_xterm/css/xterm.css"), "Content-Type"));
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        String response = raw("HEAD /python.wasm HTTP/1.1");
        assertTrue(response.startsWith("HTTP/1.1 200 "), response);
        assertTrue(response.toLowerCase().contains("content-length: 8\r\n"), response);
        assertTrue(response.toLowerCase().contains("cross-origin-embedder-policy: require-corp\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\n"), response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void refusesMethodsOtherThanGetAndHead(String method) throws Exception {
        HttpResponse<byte[]> response = send(method, "python.js");
        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD", header(response, "Allow"));
        assertEquals("require-corp", header(response, "Cross-Origin-Embedder-Policy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/..%2fpom.xml", "/%2e%2e%2fpom.xml", "/%2E%2E/pom.xml",
        "/..%5cpom.xml", "/docs/../../pom.xml", "/escape.xml", "/_xterm/../pom.xml", "/_xterm/%2e%2e/%2e%2e/pom.xml"})
    void nothingOutsideTheServedDirectoryComesBack(String target) throws Exception {
        assertTrue(Files.readString(Path.of("pom.xml")).contains(MARKER), "the marker this test looks for");
        String response = raw("GET " + target + " HTTP/1.1");
        assertTrue(response.startsWith("HTTP/1.1 404 ") || response.startsWith("HTTP/1.1 403 "),
                target + " gave " + response);
        assertFalse(response.contains(MARKER), target + " returned the pom from outside the root: " + response);
    }
}
