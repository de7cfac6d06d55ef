package dev.wasmbuild.core.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the JVM (what Ctrl-C, kill and a CI cancel send Maven) must not leave the build
 * step's processes running: without the shutdown hook, the shell and its grandchild would be
 * re-parented and live on, and a rerun would start a second configure in the same directory.
 */
class ShutdownKillsChildrenTest {

    @Test
    void sigtermToTheJvmKillsTheWholeTreeOfARunningStep(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        Path pidFile = dir.resolve("grandchild.pid");
        Process jvm = ChildJvm.start(StreamingChild.class, log, pidFile.toString());
        List<ProcessHandle> tree = List.of();
        try {
            long grandchild = Long.parseLong(ChildJvm.awaitFile(pidFile, Duration.ofSeconds(60), jvm, log));
            tree = jvm.descendants().toList();
            assertTrue(ChildJvm.running(grandchild), "the grandchild runs before the signal");
            assertTrue(tree.stream().anyMatch(h -> h.pid() == grandchild), "the grandchild is in the JVM's tree");

            jvm.destroy(); // SIGTERM
            assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), "the JVM ends on SIGTERM");

            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (tree.stream().anyMatch(h -> ChildJvm.running(h.pid())) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            for (ProcessHandle h : tree) {
                assertFalse(ChildJvm.running(h.pid()), "left running after SIGTERM: " + h.pid() + " "
                        + h.info().commandLine().orElse("") + "\nchild log:\n" + Files.readString(log));
            }
        } finally {
            // Whatever the outcome, this test leaves nothing behind.
            tree.forEach(ProcessHandle::destroyForcibly);
            jvm.destroyForcibly();
        }
    }
}
