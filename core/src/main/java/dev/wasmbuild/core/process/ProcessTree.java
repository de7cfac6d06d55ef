package dev.wasmbuild.core.process;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every child the gateway started and that is still running. When the JVM ends (Maven finishes,
 * Ctrl-C, SIGTERM, a CI cancel) a shutdown hook kills each one with all its descendants, so no
 * configure or make keeps running as an orphan; an interrupted step kills its own tree at once.
 */
final class ProcessTree {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    /*
     * Starting a child and registering it happen under the read lock, the shutdown sweep under
     * the write lock: a signal that arrives while a child is being started waits until the child
     * is registered, and no child starts once the sweep has begun.
     */
    private static final ReentrantReadWriteLock STARTS = new ReentrantReadWriteLock();
    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown = true;
            killAll();
        }, "wasm-kill-children"));
    }

    private ProcessTree() {
    }

    /** Starts the child and registers it, as one step as far as the shutdown sweep can see. */
    static Process start(ProcessBuilder pb) throws IOException {
        STARTS.readLock().lock();
        try {
            if (shuttingDown) {
                throw new IOException("the JVM is shutting down; not starting " + pb.command().get(0));
            }
            Process process = pb.start();
            LIVE.add(process);
            process.onExit().thenRun(() -> LIVE.remove(process));
            return process;
        } finally {
            STARTS.readLock().unlock();
        }
    }

    static void killAll() {
        STARTS.writeLock().lock();
        try {
            for (Process p : LIVE) {
                destroy(p);
            }
        } finally {
            STARTS.writeLock().unlock();
        }
    }

    /** Descendants first (they would otherwise be re-parented and live on), then the process. */
    static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException again) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // make's children may have been forked between the two looks; a last sweep.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        LIVE.remove(process);
    }
}
