package dev.wasmbuild.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A real server on a free port, asked by a real HTTP client and, for paths clients would clean up, by hand. */
class StaticFileServerTest {

    private static final String SECRET = "OUTSIDE-THE-ROOT-7f3a";
    private static final byte[] WASM = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    private static final String PAGE = "<!DOCTYPE html><html><head>"
            + "<link rel=\"stylesheet\" href=\"https://unpkg.com/xterm@4.18.0/css/xterm.css\" crossorigin"
            + " integrity=\"sha384-css\"/>"
            + "<script src=\"https://unpkg.com/xterm@4.18.0/lib/xterm.js\" crossorigin integrity=\"sha384-js\">"
            + "</script></head><body><button id=\"repl\">Start REPL</button></body></html>";

    @TempDir
    Path dir;
    Path root;
    Path xtermPackage;
    final List<String> debug = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    StaticFileServer server;

    @BeforeEach
    void layOutABuild() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project>" + SECRET + "</project>");
        root = Files.createDirectories(dir.resolve("build"));
        Files.writeString(root.resolve("python.html"), PAGE);
        Files.writeString(root.resolve("python.js"), "var Module = {};");
        Files.writeString(root.resolve("python.worker.js"), "importScripts('python.js');");
        Files.write(root.resolve("python.wasm"), WASM);
        Files.write(root.resolve("python.data"), new byte[] {1, 2, 3, 4, 5});
        Files.writeString(root.resolve("hello.py"), "print(6*7)\n");
        Files.writeString(root.resolve("blob.xyz"), "?");
        Files.write(root.resolve("empty.txt"), new byte[0]);
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/index.html"), "<p>docs</p>");
        Files.createDirectories(root.resolve("nothing-here"));
        Files.createSymbolicLink(root.resolve("escape.xml"), dir.resolve("pom.xml"));
        Files.createSymbolicLink(root.resolve("parent"), dir);
        Files.createSymbolicLink(root.resolve("alias.js"), root.resolve("python.js"));

        xtermPackage = dir.resolve("node_modules/xterm");
        Files.createDirectories(xtermPackage.resolve("lib"));
        Files.createDirectories(xtermPackage.resolve("css"));
        Files.writeString(xtermPackage.resolve("lib/xterm.js"), "/* xterm */ function Terminal() {}");
        Files.writeString(xtermPackage.resolve("css/xterm.css"), ".xterm { color: white }");
        Files.writeString(xtermPackage.resolve("package.json"), "{\"name\": \"xterm\", \"version\": \"4.18.0\"}");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private StaticFileServer start(Path xterm) throws Exception {
        ServeLog log = new ServeLog(s -> { }, debug::add, warnings::add);
        server = StaticFileServer.start(ServeSettings.validated(root, false, 0, xterm), log);
        return server;
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return send(path, "GET");
    }

    private HttpResponse<byte[]> send(String path, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl()).resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends the request line exactly as given, which HttpClient and URI would normalise. */
    private String raw(String requestTarget) throws IOException {
        return rawRequest("GET " + requestTarget + " HTTP/1.1");
    }

    private String rawRequest(String requestLine) throws IOException {
        try (Socket socket = new Socket(StaticFileServer.HOST, server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "python.wasm|application/wasm",
        "python.js|text/javascript",
        "python.worker.js|text/javascript",
        "python.data|application/octet-stream",
        "python.html|text/html; charset=utf-8",
        "hello.py|text/plain; charset=utf-8",
        "blob.xyz|application/octet-stream"})
    void servesFilesWithTheirTypeAndExactBytes(String name, String type) throws Exception {
        start(null);
        HttpResponse<byte[]> response = get(name);
        assertEquals(200, response.statusCode());
        assertEquals(type, response.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(Files.readAllBytes(root.resolve(name)), response.body());
        assertEquals(String.valueOf(Files.size(root.resolve(name))),
                response.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void everyResponseCarriesTheIsolationHeaders() throws Exception {
        start(null);
        for (HttpResponse<byte[]> response : List.of(get("python.wasm"), get("missing.js"), send("python.js", "POST"),
                send("python.js", "HEAD"))) {
            assertEquals("same-origin", response.headers().firstValue("Cross-Origin-Opener-Policy").orElse(null),
                    response::toString);
            assertEquals("require-corp", response.headers().firstValue("Cross-Origin-Embedder-Policy").orElse(null),
                    response::toString);
            assertEquals("same-origin", response.headers().firstValue("Cross-Origin-Resource-Policy").orElse(null),
                    response::toString);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
        }
    }

    @Test
    void headGivesTheHeadersOfGetWithoutABody() throws Exception {
        start(null);
        String response = rawRequest("HEAD /python.wasm HTTP/1.1");
        assertTrue(response.startsWith("HTTP/1.1 200 "), response);
        assertTrue(response.toLowerCase().contains("content-length: " + WASM.length + "\r\n"), response);
        assertTrue(response.toLowerCase().contains("content-type: application/wasm\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\n"), "no body expected: " + response);
    }

    @Test
    void anEmptyFileIsAnEmptyBody() throws Exception {
        start(null);
        HttpResponse<byte[]> response = get("empty.txt");
        assertEquals(200, response.statusCode());
        assertEquals(0, response.body().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "PATCH"})
    void onlyGetAndHeadAreAllowed(String method) throws Exception {
        start(null);
        HttpResponse<byte[]> response = send("python.js", method);
        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElseThrow());
        assertEquals("var Module = {};", Files.readString(root.resolve("python.js")), "the file must be untouched");
    }

    @Test
    void theRootShowsPythonHtmlAndDirectoriesTheirIndex() throws Exception {
        start(null);
        assertEquals(PAGE, new String(get("/").body(), StandardCharsets.UTF_8));
        assertTrue(server.pageUrl().endsWith("/python.html"), server.pageUrl());
        assertEquals("<p>docs</p>", new String(get("/docs/").body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> redirect = get("/docs");
        assertEquals(301, redirect.statusCode());
        assertEquals("/docs/", redirect.headers().firstValue("Location").orElseThrow());
        assertEquals(404, get("/nothing-here/").statusCode(), "no directory listings");
        assertEquals(404, get("/python.js/").statusCode());
    }

    @Test
    void indexHtmlWinsOverPythonHtml() throws Exception {
        Files.writeString(root.resolve("index.html"), "mine");
        start(null);
        assertEquals("mine", new String(get("/").body(), StandardCharsets.UTF_8));
        assertTrue(server.pageUrl().endsWith("/index.html"), server.pageUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../pom.xml", "/%2e%2e/pom.xml", "/%2E%2E/pom.xml", "/..%2fpom.xml", "/%2e%2e%2fpom.xml",
        "/.%2e/pom.xml", "/docs/../../pom.xml", "/..\\pom.xml", "/..%5cpom.xml", "/%5c..%5cpom.xml",
        "/%2e%2e%5cpom.xml", "/escape.xml%00.html", "/%2F" + "tmp", "../pom.xml", "/parent/pom.xml",
        "/parent/build/../pom.xml", "/escape.xml", "http://127.0.0.1/../pom.xml", "/%252e%252e/pom.xml"})
    void nothingOutsideTheRootIsEverServed(String target) throws Exception {
        start(xtermPackage);
        String response = raw(target);
        assertTrue(response.startsWith("HTTP/1.1 404 ") || response.startsWith("HTTP/1.1 403 ")
                || response.startsWith("HTTP/1.1 400 "), target + " gave " + response);
        assertFalse(response.contains(SECRET), target + " leaked the file outside the root: " + response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/_xterm/../pom.xml", "/_xterm/%2e%2e/pom.xml", "/_xterm/..%2f..%2fpom.xml",
        "/_xterm/%2e%2e%2f%2e%2e%2fpom.xml", "/_xterm/package.json/../../../pom.xml"})
    void theXtermMountIsFencedInToo(String target) throws Exception {
        start(xtermPackage);
        String response = raw(target);
        assertTrue(response.startsWith("HTTP/1.1 404 "), target + " gave " + response);
        assertFalse(response.contains(SECRET));
    }

    @Test
    void refusedPathsAreLoggedAtDebugWithTheReason() throws Exception {
        start(null);
        raw("/escape.xml");
        raw("/%2e%2e/pom.xml");
        assertTrue(debug.stream().anyMatch(l -> l.startsWith("GET /escape.xml -> 404") && l.contains("outside the root")),
                debug::toString);
        assertTrue(debug.stream().anyMatch(l -> l.equals("GET /%2e%2e/pom.xml -> 404 (refused path)")),
                debug::toString);
    }

    @Test
    void symlinksInsideTheRootStillWork() throws Exception {
        start(null);
        HttpResponse<byte[]> response = get("alias.js");
        assertEquals(200, response.statusCode());
        assertEquals("var Module = {};", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void withXtermDirectoryThePageLoadsXtermFromTheServer() throws Exception {
        start(xtermPackage);
        String page = new String(get("python.html").body(), StandardCharsets.UTF_8);
        assertFalse(page.contains("unpkg.com"), page);
        assertTrue(page.contains("href=\"/_xterm/css/xterm.css\" crossorigin integrity=\"sha384-css\""), page);
        assertTrue(page.contains("src=\"/_xterm/lib/xterm.js\" crossorigin integrity=\"sha384-js\""), page);
        assertEquals(page, new String(get("/").body(), StandardCharsets.UTF_8));

        HttpResponse<byte[]> script = get("/_xterm/lib/xterm.js");
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript", script.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(Files.readAllBytes(xtermPackage.resolve("lib/xterm.js")), script.body());
        HttpResponse<byte[]> style = get("/_xterm/css/xterm.css");
        assertEquals("text/css; charset=utf-8", style.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("require-corp", style.headers().firstValue("Cross-Origin-Embedder-Policy").orElseThrow());
        assertEquals(String.valueOf(page.getBytes(StandardCharsets.UTF_8).length),
                get("python.html").headers().firstValue("Content-Length").orElseThrow());
        assertTrue(warnings.isEmpty(), warnings::toString);
    }

    @Test
    void withoutXtermDirectoryPagesAreServedAsTheyAre() throws Exception {
        Files.createDirectories(root.resolve("_xterm"));
        start(null);
        assertEquals(PAGE, new String(get("python.html").body(), StandardCharsets.UTF_8));
        assertEquals(404, get("/_xterm/lib/xterm.js").statusCode());
    }

    @Test
    void aPageThatIsNotUtf8IsServedUntouchedEvenWithXtermDirectory() throws Exception {
        // "café" in ISO-8859-1: the é is a lone 0xE9, which is no UTF-8.
        byte[] latin1 = "<p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(root.resolve("latin1.html"), latin1);
        start(xtermPackage);
        HttpResponse<byte[]> response = get("latin1.html");
        assertEquals(200, response.statusCode());
        assertArrayEquals(latin1, response.body());
    }

    @Test
    void warnsWhenTheXtermPackageIsAnotherVersion() throws Exception {
        Files.writeString(xtermPackage.resolve("package.json"), "{\"version\": \"5.3.0\"}");
        start(xtermPackage);
        get("python.html");
        get("python.html");
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("asks for xterm 4.18.0") && warnings.get(0).contains("holds xterm 5.3.0"),
                warnings.get(0));
    }

    @Test
    void aPortInUseIsAConfigurationErrorNamingPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(StaticFileServer.HOST))) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> StaticFileServer.start(
                    ServeSettings.validated(root, false, taken.getLocalPort(), null), ServeLog.silent()));
            assertEquals(Setting.PORT, e.setting());
            assertTrue(e.getMessage().startsWith("port " + taken.getLocalPort() + " on 127.0.0.1 is already"
                    + " in use"), e.getMessage());
            assertTrue(e.getMessage().contains("or 0 to let the system pick"), e.getMessage());
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        start(null);
        assertTrue(server.baseUrl().startsWith("http://127.0.0.1:" + server.port() + "/"));
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address.isLoopbackAddress()) {
                    continue;
                }
                try (Socket socket = new Socket()) {
                    assertThrows(IOException.class,
                            () -> socket.connect(new InetSocketAddress(address, server.port()), 2000),
                            "reachable on " + address);
                }
            }
        }
    }

    @Test
    void closeStopsListeningAndReleasesWaiters() throws Exception {
        start(null);
        Thread waiter = new Thread(() -> {
            try {
                server.awaitClose();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        assertEquals(200, get("python.js").statusCode());
        server.close();
        server.close();
        waiter.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(waiter.isAlive(), "awaitClose() did not return after close()");
        assertTrue(server.isClosed());
        // The listening socket itself is closed. (Connecting to the port proves nothing on a
        // shared machine: another process may bind the freed port at once.)
        assertTrue(server.listenerClosed(), "the listening socket is still open after close()");
    }
}
