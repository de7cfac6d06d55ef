package dev.wasmbuild.core.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every child the gateway started and that is still running. When the JVM ends (Maven finishes,
 * Ctrl-C, SIGTERM, a CI cancel) a shutdown hook kills each one with all its descendants, so no
 * configure or make keeps running as an orphan; an interrupted step kills its own tree at once.
 */
final class ProcessTree {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private ProcessTree() {
    }

    static void register(Process process) {
        if (!hooked) {
            synchronized (ProcessTree.class) {
                if (!hooked) {
                    Runtime.getRuntime().addShutdownHook(new Thread(ProcessTree::killAll, "wasm-kill-children"));
                    hooked = true;
                }
            }
        }
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
    }

    static void killAll() {
        for (Process p : LIVE) {
            destroy(p);
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
