package dev.wasmbuild.server;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A static file server for a browser build, on 127.0.0.1 only, with the cross-origin isolation
 * headers Emscripten's pthreads builds need for SharedArrayBuffer.
 *
 * <p>Plain sockets, one thread per connection up to {@link ServeLimits#connections()}, one
 * request per connection ({@code Connection: close}). A watchdog closes any connection whose
 * request head has not arrived in time or whose response has stopped moving, so clients that
 * send half a request or never read cannot hold the server (com.sun.net.httpserver has no such
 * limits short of JVM-wide system properties, which a Maven plugin must not set).
 *
 * <p>Only requests for the loopback names are answered ({@link AllowedHosts}), against DNS
 * rebinding; a failed accept is retried with a back-off rather than ending the server.
 */
public final class StaticFileServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    /** Sent with every response, errors included: a page is only isolated if all of it is. */
    static final List<String[]> ISOLATION_HEADERS = List.of(
            new String[] {"Cross-Origin-Opener-Policy", "same-origin"},
            new String[] {"Cross-Origin-Embedder-Policy", "require-corp"},
            new String[] {"Cross-Origin-Resource-Policy", "same-origin"});

    /** Pages larger than this go out untouched instead of being read whole for the xterm rewrite. */
    private static final long MAX_REWRITTEN_PAGE = 8L << 20;
    private static final int CHUNK = 64 * 1024;

    private final ServerSocket listener;
    private final ServeLimits limits;
    private final Semaphore slots;
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ServedTree site;
    private final ServedTree xterm;
    private final Optional<String> xtermVersion;
    private final ServeLog log;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean warnedAboutXtermVersion = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Why the server stopped on its own (its socket closed underneath it); null while it runs or after close(). */
    private volatile String failure;

    private StaticFileServer(ServerSocket listener, ServeLimits limits, ServedTree site, ServedTree xterm,
            Optional<String> xtermVersion, ServeLog log) {
        this.listener = listener;
        this.limits = limits;
        this.slots = new Semaphore(limits.connections());
        this.site = site;
        this.xterm = xterm;
        this.xtermVersion = xtermVersion;
        this.log = log;
        AtomicInteger count = new AtomicInteger();
        // Bounded by the semaphore, not by the pool: a thread is only asked for with a slot in hand.
        this.workers = Executors.newCachedThreadPool(r -> daemon(r, "wasm-serve-" + count.incrementAndGet()));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "wasm-serve-watchdog"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Binds and starts serving in background threads.
     *
     * @throws ConfigurationException when the port is taken
     */
    public static StaticFileServer start(ServeSettings settings, ServeLog log)
            throws ConfigurationException, WasmBuildException {
        return start(settings, ServeLimits.DEFAULT, log);
    }

    /** As {@link #start(ServeSettings, ServeLog)} with other limits (tests use short times). */
    public static StaticFileServer start(ServeSettings settings, ServeLimits limits, ServeLog log)
            throws ConfigurationException, WasmBuildException {
        return start(settings, limits, log, ServerSocket::new);
    }

    /** Makes the listening socket; tests give one whose accept fails as an exhausted machine's does. */
    @FunctionalInterface
    interface Listeners {
        ServerSocket create() throws IOException;
    }

    static StaticFileServer start(ServeSettings settings, ServeLimits limits, ServeLog log, Listeners listeners)
            throws ConfigurationException, WasmBuildException {
        ServedTree site = tree(settings.root(), ServeSettings.ROOT_ELEMENT);
        ServedTree xterm = settings.xtermDirectory() == null ? null
                : tree(settings.xtermDirectory(), ServeSettings.XTERM_ELEMENT);
        ServerSocket listener;
        try {
            listener = listeners.create();
            listener.bind(new InetSocketAddress(loopback(), settings.port()), 128);
        } catch (BindException e) {
            throw new ConfigurationException(ServeSettings.PORT_ELEMENT, "port " + settings.port() + " on " + HOST
                    + " is already in use (" + e.getMessage() + "); choose another " + Setting.PORT + " (" + Setting.PORT.assignment("…") + "),"
                    + " or 0 to let the system pick a free one");
        } catch (IOException e) {
            throw new WasmBuildException("cannot listen on " + HOST + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        StaticFileServer files = new StaticFileServer(listener, limits, site, xterm, settings.xtermVersion(), log);
        files.watchdog.scheduleWithFixedDelay(files::enforceDeadlines, 100, 100, TimeUnit.MILLISECONDS);
        daemon(files::acceptLoop, "wasm-serve-accept").start();
        return files;
    }

    public int port() {
        return listener.getLocalPort();
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

    /**
     * Why the server stopped by itself, if it did: its listening socket was closed underneath it,
     * so it can accept nothing more. Empty while it runs and after an ordinary {@link #close()}.
     * The goals that serve check it and fail the build with it, instead of ending as if all went well.
     */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Whether the listening socket is closed (for tests: close() must release the port). */
    boolean listenerClosed() {
        return listener.isClosed();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                listener.close();
            } catch (IOException e) {
                // closing anyway
            }
            connections.forEach(Connection::abort);
            workers.shutdownNow();
            watchdog.shutdownNow();
            stopped.countDown();
        }
    }

    /**
     * Waits for a free slot before accepting, so excess connections queue in the kernel's listen
     * backlog (bounded) rather than in memory here; stuck ones free their slot when the watchdog
     * cuts them off.
     *
     * <p>A failed accept is usually passing: out of file descriptors (EMFILE) while downloads are
     * held open, or a connection reset before it was taken. The loop backs off and tries again,
     * and says so once per run of failures rather than per attempt. Only a listening socket that
     * is closed underneath the server ends it, recorded as {@link #failure()}.
     */
    private void acceptLoop() {
        AcceptBackoff backoff = new AcceptBackoff();
        while (!closed.get()) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                slots.release();
                if (closed.get()) {
                    return;
                }
                if (listener.isClosed()) {
                    failure = "its listening socket on " + HOST + ":" + listener.getLocalPort()
                            + " was closed (" + e.getMessage() + ")";
                    log.warn().accept("the server stopped: " + failure);
                    close();
                    return;
                }
                if (backoff.failed()) {
                    log.warn().accept("the server cannot accept connections for now (" + e.getMessage()
                            + "); it keeps retrying, up to every " + AcceptBackoff.MAX_MILLIS + " ms");
                }
                try {
                    Thread.sleep(backoff.delayMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            int failed = backoff.succeeded();
            if (failed > 0) {
                log.info().accept("the server accepts connections again, after " + failed + " failed attempt"
                        + (failed == 1 ? "" : "s"));
            }
            Connection c = new Connection(socket, System.nanoTime() + limits.requestTime().toNanos());
            connections.add(c);
            try {
                workers.execute(() -> serve(c));
            } catch (RuntimeException e) {
                finish(c);
            }
        }
    }

    private void enforceDeadlines() {
        long now = System.nanoTime();
        for (Connection c : connections) {
            if (now - c.deadline > 0) {
                log.debug().accept("closing a connection from port " + c.socket.getPort() + ": "
                        + (c.sending ? "the client stopped reading the response" : "no complete request in time"));
                c.abort();
            }
        }
    }

    /** One client connection, with the time by which it must have made progress. */
    private static final class Connection {
        final Socket socket;
        volatile long deadline;
        volatile boolean sending;

        Connection(Socket socket, long deadline) {
            this.socket = socket;
            this.deadline = deadline;
        }

        void abort() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    private void finish(Connection c) {
        c.abort();
        connections.remove(c);
        slots.release();
    }

    private void serve(Connection c) {
        try {
            c.socket.setSoTimeout((int) limits.requestTime().toMillis());
            c.socket.setTcpNoDelay(true);
            Optional<HttpRequestHead> head;
            try {
                head = HttpRequestHead.read(new BufferedInputStream(c.socket.getInputStream(), 4096));
            } catch (HttpRequestHead.Malformed e) {
                Response r = new Response(c);
                r.text(400, "Bad Request", false, "?", e.getMessage());
                return;
            }
            if (head.isPresent()) {
                handle(new Response(c), head.get());
            }
        } catch (IOException | RuntimeException e) {
            // A client that hangs up mid-download is normal for a browser; keep it out of the build log.
            log.debug().accept("request failed: " + e);
        } finally {
            finish(c);
        }
    }

    /** The headers of one response, written with the status line; every response closes the connection. */
    private final class Response {
        final Connection connection;
        final Map<String, String> headers = new LinkedHashMap<>();

        Response(Connection connection) {
            this.connection = connection;
            for (String[] header : ISOLATION_HEADERS) {
                headers.put(header[0], header[1]);
            }
            headers.put("X-Content-Type-Options", "nosniff");
            // A development server: a rebuilt python.wasm must show up on the next reload.
            headers.put("Cache-Control", "no-cache");
            headers.put("Connection", "close");
        }

        /** Sends the status and headers, then {@code length} bytes of {@code body} unless it is HEAD. */
        void send(int status, String reason, long length, boolean head, BodyWriter body) throws IOException {
            headers.put("Content-Length", Long.toString(length));
            StringBuilder s = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
            headers.forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
            s.append("\r\n");
            connection.sending = true;
            connection.deadline = System.nanoTime() + limits.stallTime().toNanos();
            OutputStream out = new ProgressStream(connection, connection.socket.getOutputStream());
            out.write(s.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (!head && length > 0) {
                body.writeTo(out);
            }
            out.flush();
            connection.socket.shutdownOutput();
        }

        void text(int status, String reason, boolean head, String request, String why) throws IOException {
            text(status, reason, head, request, why, "");
        }

        /** As above, with {@code detail} as a second line of the body, for the client to read. */
        void text(int status, String reason, boolean head, String request, String why, String detail)
                throws IOException {
            log.debug().accept(request + " -> " + status + " (" + why + ")");
            headers.put("Content-Type", "text/plain; charset=utf-8");
            byte[] body = (status + " " + reason + "\n" + (detail.isEmpty() ? "" : detail + "\n"))
                    .getBytes(StandardCharsets.UTF_8);
            send(status, reason, body.length, head, out -> out.write(body));
        }
    }

    @FunctionalInterface
    private interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Moves the connection's deadline on after every chunk the client accepted. */
    private final class ProgressStream extends BufferedOutputStream {
        private final Connection connection;

        ProgressStream(Connection connection, OutputStream out) {
            super(out, CHUNK);
            this.connection = connection;
        }

        @Override
        public synchronized void flush() throws IOException {
            super.flush();
            connection.deadline = System.nanoTime() + limits.stallTime().toNanos();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            connection.deadline = System.nanoTime() + limits.stallTime().toNanos();
        }
    }

    private void handle(Response response, HttpRequestHead head) throws IOException {
        String method = head.method();
        String rawPath = head.rawPath();
        String request = method + " " + rawPath;
        boolean isHead = method.equals("HEAD");
        Optional<AllowedHosts.Refusal> refusal = AllowedHosts.check(head, port());
        if (refusal.isPresent()) {
            AllowedHosts.Refusal r = refusal.get();
            response.text(r.status(), r.reason(), isHead, request, "Host " + head.hosts(), r.why());
            return;
        }
        if (!isHead && !method.equals("GET")) {
            response.headers.put("Allow", "GET, HEAD");
            response.text(405, "Method Not Allowed", false, request, "not GET or HEAD");
            return;
        }
        Optional<List<String>> segments = RequestPath.segments(rawPath);
        if (segments.isEmpty()) {
            response.text(404, "Not Found", isHead, request, "refused path");
            return;
        }
        ServedTree.Lookup lookup = route(segments.get());
        if (lookup instanceof ServedTree.Found found) {
            try (found) {
                sendFile(response, found, isHead, request);
            }
        } else if (lookup instanceof ServedTree.NeedsSlash) {
            response.headers.put("Location", rawPath + "/");
            response.text(301, "Moved Permanently", isHead, request, "directory");
        } else {
            response.text(404, "Not Found", isHead, request, ((ServedTree.Missing) lookup).reason());
        }
    }

    private ServedTree.Lookup route(List<String> segments) {
        if (xterm != null && segments.size() > 1 && segments.get(0).equals(XtermRewrite.MOUNT)) {
            return xterm.lookup(segments.subList(1, segments.size()));
        }
        return site.lookup(segments);
    }

    private void sendFile(Response response, ServedTree.Found found, boolean head, String request)
            throws IOException {
        Path file = found.file();
        SeekableByteChannel channel = found.channel();
        String name = file.getFileName().toString();
        response.headers.put("Content-Type", MimeTypes.of(name));
        long size = channel.size();
        if (xterm != null && MimeTypes.isHtml(name) && size <= MAX_REWRITTEN_PAGE) {
            byte[] bytes = readAll(channel, (int) size);
            Optional<String> html = utf8(bytes);
            // A page in another encoding cannot be CPython's python.html; it goes out untouched.
            if (html.isPresent()) {
                XtermRewrite.Result page = XtermRewrite.rewrite(html.get());
                warnOnVersionMismatch(name, page);
                byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
                response.send(200, "OK", body.length, head, out -> out.write(body));
                log.debug().accept(request + " -> 200 " + file + (page.changed() ? " (xterm links made local)" : ""));
                return;
            }
            response.send(200, "OK", bytes.length, head, out -> out.write(bytes));
        } else {
            response.send(200, "OK", size, head, out -> copy(channel, size, out));
        }
        log.debug().accept(request + " -> 200 " + file + " (" + size + " bytes)");
    }

    /** Exactly {@code size} bytes, as announced in Content-Length, even if the file grows meanwhile. */
    private static void copy(SeekableByteChannel channel, long size, OutputStream out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        long left = size;
        while (left > 0) {
            buf.clear().limit((int) Math.min(CHUNK, left));
            int n = channel.read(buf);
            if (n < 0) {
                throw new IOException("the file shrank while it was being sent");
            }
            out.write(buf.array(), 0, n);
            left -= n;
        }
    }

    private static byte[] readAll(SeekableByteChannel channel, int size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(size);
        while (buf.hasRemaining() && channel.read(buf) >= 0) {
            // keep reading
        }
        return buf.position() == size ? buf.array() : java.util.Arrays.copyOf(buf.array(), buf.position());
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
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
                    + " but " + Setting.XTERM_DIRECTORY + " holds xterm " + xtermVersion.get()
                    + "; the page's integrity hashes will not match and the browser will refuse it");
        }
    }

    private static ServedTree tree(Path directory, Setting setting) throws WasmBuildException {
        try {
            return new ServedTree(directory);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot serve " + directory, setting, e);
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
