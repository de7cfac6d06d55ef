package dev.wasmbuild.core.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A static file server for a browser build, on 127.0.0.1 only, with the cross-origin isolation
 * headers Emscripten's pthreads builds need for SharedArrayBuffer.
 */
public final class StaticFileServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    /** Sent with every response, errors included: a page is only isolated if all of it is. */
    static final List<String[]> ISOLATION_HEADERS = List.of(
            new String[] {"Cross-Origin-Opener-Policy", "same-origin"},
            new String[] {"Cross-Origin-Embedder-Policy", "require-corp"},
            new String[] {"Cross-Origin-Resource-Policy", "same-origin"});

    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ServedTree site;
    private final ServedTree xterm;
    private final Optional<String> xtermVersion;
    private final ServeLog log;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean warnedAboutXtermVersion = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StaticFileServer(HttpServer server, ExecutorService executor, ServedTree site, ServedTree xterm,
            Optional<String> xtermVersion, ServeLog log) {
        this.server = server;
        this.executor = executor;
        this.site = site;
        this.xterm = xterm;
        this.xtermVersion = xtermVersion;
        this.log = log;
    }

    /**
     * Binds and starts serving in background threads.
     *
     * @throws ConfigurationException when the port is taken
     */
    public static StaticFileServer start(ServeSettings settings, ServeLog log)
            throws ConfigurationException, WasmBuildException {
        ServedTree site = tree(settings.root());
        ServedTree xterm = settings.xtermDirectory() == null ? null : tree(settings.xtermDirectory());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(loopback(), settings.port()), 64);
        } catch (BindException e) {
            throw new ConfigurationException(ServeSettings.PORT_ELEMENT, "port " + settings.port() + " on " + HOST
                    + " is already in use (" + e.getMessage() + "); choose another {port} (-Dwasm.serve.port=…),"
                    + " or 0 to let the system pick a free one");
        } catch (IOException e) {
            throw new WasmBuildException("cannot listen on " + HOST + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "wasm-serve-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        StaticFileServer files = new StaticFileServer(server, executor, site, xterm, settings.xtermVersion(), log);
        server.createContext("/", files::handle);
        server.setExecutor(executor);
        server.start();
        return files;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Path root() {
        return site.root();
    }

    /** {@code http://127.0.0.1:<port>/} */
    public String baseUrl() {
        return "http://" + HOST + ":" + port() + "/";
    }

    /** The URL to open: the base URL plus index.html or python.html when the root has one. */
    public String pageUrl() {
        return baseUrl() + site.landingPage();
    }

    /** Blocks until {@link #close()} has run, from any thread. */
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
            stopped.countDown();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            Headers headers = exchange.getResponseHeaders();
            for (String[] header : ISOLATION_HEADERS) {
                headers.set(header[0], header[1]);
            }
            headers.set("X-Content-Type-Options", "nosniff");
            // A development server: a rebuilt python.wasm must show up on the next reload.
            headers.set("Cache-Control", "no-cache");
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                headers.set("Allow", "GET, HEAD");
                respondText(exchange, 405, "Method Not Allowed", false, method + " " + rawPath, "not GET or HEAD");
                return;
            }
            Optional<List<String>> segments = RequestPath.segments(rawPath);
            if (segments.isEmpty()) {
                respondText(exchange, 404, "Not Found", head, method + " " + rawPath, "refused path");
                return;
            }
            ServedTree.Lookup lookup = route(segments.get());
            if (lookup instanceof ServedTree.Found found) {
                sendFile(exchange, found.file(), head, method + " " + rawPath);
            } else if (lookup instanceof ServedTree.NeedsSlash) {
                headers.set("Location", rawPath + "/");
                respondText(exchange, 301, "Moved Permanently", head, method + " " + rawPath, "directory");
            } else {
                String reason = ((ServedTree.Missing) lookup).reason();
                respondText(exchange, 404, "Not Found", head, method + " " + rawPath, reason);
            }
        } catch (IOException | RuntimeException e) {
            // A client that hangs up mid-download is normal for a browser; keep it out of the build log.
            log.debug().accept("request failed: " + e);
            throw e;
        }
    }

    private ServedTree.Lookup route(List<String> segments) {
        if (xterm != null && segments.size() > 1 && segments.get(0).equals(XtermRewrite.MOUNT)) {
            return xterm.lookup(segments.subList(1, segments.size()));
        }
        return site.lookup(segments);
    }

    private void sendFile(HttpExchange exchange, Path file, boolean head, String request) throws IOException {
        String name = file.getFileName().toString();
        exchange.getResponseHeaders().set("Content-Type", MimeTypes.of(name));
        if (xterm != null && MimeTypes.isHtml(name)) {
            Optional<String> html = readUtf8(file);
            // A page in another encoding cannot be CPython's python.html; it goes out untouched below.
            if (html.isPresent()) {
                XtermRewrite.Result page = XtermRewrite.rewrite(html.get());
                warnOnVersionMismatch(name, page);
                send(exchange, 200, page.html().getBytes(StandardCharsets.UTF_8), head);
                log.debug().accept(request + " -> 200 " + file + (page.changed() ? " (xterm links made local)" : ""));
                return;
            }
        }
        long size = Files.size(file);
        if (head || size == 0) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
            exchange.sendResponseHeaders(200, -1);
        } else {
            // NOFOLLOW_LINKS: the real path was checked, so a link appearing here now is a swap.
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                exchange.sendResponseHeaders(200, size);
                try (OutputStream body = exchange.getResponseBody()) {
                    in.transferTo(body);
                }
            }
        }
        log.debug().accept(request + " -> 200 " + file + " (" + size + " bytes)");
    }

    private static Optional<String> readUtf8(Path file) throws IOException {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private void warnOnVersionMismatch(String page, XtermRewrite.Result result) {
        if (xtermVersion.isEmpty() || !result.changed() || result.versions().contains(xtermVersion.get())) {
            return;
        }
        if (warnedAboutXtermVersion.compareAndSet(false, true)) {
            log.warn().accept(page + " asks for xterm " + String.join(", ", result.versions())
                    + " but {xtermDirectory} holds xterm " + xtermVersion.get()
                    + "; the page's integrity hashes will not match and the browser will refuse it");
        }
    }

    private void respondText(HttpExchange exchange, int status, String text, boolean head, String request,
            String reason) throws IOException {
        log.debug().accept(request + " -> " + status + " (" + reason + ")");
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, (status + " " + text + "\n").getBytes(StandardCharsets.UTF_8), head);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static ServedTree tree(Path directory) throws WasmBuildException {
        try {
            return new ServedTree(directory);
        } catch (IOException e) {
            throw new WasmBuildException("cannot serve " + directory + ": " + e.getMessage(), e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
