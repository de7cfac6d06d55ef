package dev.wasmbuild.server;

import java.util.Locale;
import java.util.Optional;

/**
 * Which Host headers the server answers: 127.0.0.1, localhost (any case) and [::1], bare or with
 * a port. Any port, not only the server's own, as vite does: behind a port forward (ssh -L, a
 * container's published port) the browser names the forwarded port, and the port adds nothing
 * against rebinding, where the attacker's name is what gives it away. The socket only listens on 127.0.0.1, but a page from another site can
 * still reach it through DNS rebinding: its name is made to resolve to 127.0.0.1, and the
 * browser then sends that name as Host. Refusing every other name is what webpack-dev-server
 * (allowedHosts) and vite (server.allowedHosts) do. HTTP/1.0 clients may leave Host out; an
 * HTTP/1.1 request without exactly one Host header is malformed (RFC 9112, section 3.2).
 */
final class AllowedHosts {

    /** Shown in the refusal, so whoever sees it knows what to type instead. */
    static final String NAMES = "127.0.0.1, localhost or [::1]";

    private AllowedHosts() {
    }

    /** Why the request must not be answered, with the status to send; empty when it may be. */
    static Optional<Refusal> check(HttpRequestHead head, int port) {
        if (head.hosts().isEmpty()) {
            return head.http10() ? Optional.empty()
                    : Optional.of(new Refusal(400, "Bad Request", "an HTTP/1.1 request needs a Host header"));
        }
        if (head.hosts().size() > 1) {
            return Optional.of(new Refusal(400, "Bad Request", "more than one Host header"));
        }
        if (allowed(head.hosts().get(0))) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(403, "Forbidden", "this development server answers only requests for "
                + NAMES + " (with or without a port); open it as http://127.0.0.1:" + port + "/"));
    }

    static boolean allowed(String host) {
        String name = host;
        int colon = host.lastIndexOf(':');
        // In "[::1]" the colons are inside the brackets; a port follows the closing one.
        if (colon >= 0 && colon > host.lastIndexOf(']')) {
            if (!isPort(host.substring(colon + 1))) {
                return false;
            }
            name = host.substring(0, colon);
        }
        return name.equals("127.0.0.1") || name.equals("[::1]") || name.toLowerCase(Locale.ROOT).equals("localhost");
    }

    private static boolean isPort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535;
    }

    /** A status, its reason phrase, and a sentence for the body saying why. */
    record Refusal(int status, String reason, String why) {
    }
}
