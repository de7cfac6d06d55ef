package dev.wasmbuild.server;

import java.time.Duration;

/**
 * What one client may take from the server, so that slow or stuck clients cannot starve the
 * others: connections are served in parallel up to {@code connections} (further ones wait in
 * the listen backlog), a request's head must arrive within {@code requestTime}, and a response
 * that makes no progress (the client does not read) for {@code stallTime} is cut off.
 *
 * <p>The defaults suit a browser on the same machine: a page load opens a handful of
 * connections; 64 leaves room for several tabs and for stuck clients until their time is up.
 * Memory stays bounded: one thread and about 80 KiB of buffers per connection.
 */
public record ServeLimits(int connections, Duration requestTime, Duration stallTime) {

    public static final ServeLimits DEFAULT = new ServeLimits(64, Duration.ofSeconds(10), Duration.ofSeconds(30));

    public ServeLimits {
        if (connections < 1 || requestTime.isNegative() || requestTime.isZero() || stallTime.isNegative()
                || stallTime.isZero()) {
            throw new IllegalArgumentException("connections must be 1 or more and times positive");
        }
    }
}
