package dev.wasmbuild.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The request line of an HTTP/1.x request and its Host headers, read with a size limit. Other
 * headers are read (up to the blank line) and ignored: a static file server for a loopback
 * browser needs none of them, and every response closes the connection. Host is kept because
 * {@link AllowedHosts} refuses names other than the loopback ones (DNS rebinding).
 *
 * @param method e.g. GET
 * @param rawPath the request target up to any '?', exactly as sent
 * @param http10 whether the request line says HTTP/1.0, where a Host header is optional
 * @param hosts the values of every Host header, trimmed, in the order sent (normally one)
 */
record HttpRequestHead(String method, String rawPath, boolean http10, List<String> hosts) {

    /** Request line and headers together; browsers send well under 8 KiB. */
    static final int MAX_BYTES = 16 * 1024;

    /** Thrown for a request that is not HTTP/1.x or is too long: answered with 400. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** @return the head, or empty when the client closed the connection before sending anything */
    static Optional<HttpRequestHead> read(InputStream in) throws IOException {
        byte[] buf = new byte[MAX_BYTES];
        int n = 0;
        int lineEnd = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (n == 0) {
                    return Optional.empty();
                }
                throw new Malformed("the connection closed in the middle of the request");
            }
            if (n == MAX_BYTES) {
                throw new Malformed("a request head longer than " + MAX_BYTES + " bytes");
            }
            buf[n++] = (byte) b;
            if (b == '\n') {
                if (lineEnd < 0) {
                    lineEnd = n;
                }
                // The head ends at an empty line: CRLF CRLF, or bare LF LF from lenient clients.
                if (endsWith(buf, n, "\r\n\r\n") || endsWith(buf, n, "\n\n")) {
                    break;
                }
            }
        }
        String line = new String(buf, 0, lineEnd, StandardCharsets.ISO_8859_1).strip();
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
            throw new Malformed("not an HTTP/1.x request line: " + line);
        }
        String target = parts[1];
        int query = target.indexOf('?');
        String head = new String(buf, lineEnd, n - lineEnd, StandardCharsets.ISO_8859_1);
        return Optional.of(new HttpRequestHead(parts[0], query < 0 ? target : target.substring(0, query),
                parts[2].equals("HTTP/1.0"), hosts(head)));
    }

    /** The Host values among the header lines; a folded line (obsolete, and ambiguous for Host) is refused. */
    private static List<String> hosts(String headerLines) throws Malformed {
        List<String> hosts = new ArrayList<>();
        for (String line : headerLines.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new Malformed("a folded header line");
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).toLowerCase(Locale.ROOT).equals("host")) {
                hosts.add(line.substring(colon + 1).strip());
            }
        }
        return List.copyOf(hosts);
    }

    private static boolean endsWith(byte[] buf, int n, String end) {
        if (n < end.length()) {
            return false;
        }
        for (int i = 0; i < end.length(); i++) {
            if (buf[n - end.length() + i] != end.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
