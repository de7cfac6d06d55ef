package dev.wasmbuild.core.process;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * A progress line every few seconds while a long step runs quietly (its own output goes to a
 * log file), so Maven's log shows that something is happening and roughly what.
 */
public final class Progress implements AutoCloseable {
    static final long SECONDS = 10;

    private final ScheduledExecutorService ticker;
    private final long start = System.nanoTime();

    /** @param line builds the line from the seconds elapsed so far */
    public Progress(Consumer<String> sink, LongFunction<String> line) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wasm-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> sink.accept(line.apply(seconds())), SECONDS, SECONDS, TimeUnit.SECONDS);
    }

    public long seconds() {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
