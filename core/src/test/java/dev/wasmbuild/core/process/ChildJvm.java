package dev.wasmbuild.core.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: another JVM running a main class of these tests against the core's classes, for
 * what only a second process shows (a shutdown hook on SIGTERM, a file lock held by another
 * process). Started with ProcessBuilder on purpose: the gateway under test must not be the
 * thing that starts its own test subject.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** @param log where the child's stdout and stderr go, for the failure message */
    public static Process start(Class<?> main, Path log, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Run from the module directory by surefire: the core's and the tests' compiled classes.
        String classPath = Path.of("target/classes").toAbsolutePath() + File.pathSeparator
                + Path.of("target/test-classes").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", classPath, main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * As {@link #start}, under {@code umask} (which a JVM cannot change for itself, so sh sets it
     * and then becomes the JVM) and with this JVM's whole class path, for subjects that need the
     * core's libraries too.
     */
    public static Process startUnderUmask(String umask, Class<?> main, Path log, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask \"$0\" && exec \"$@\"", umask, java, "-cp",
                System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until {@code file} exists with content (written by rename, so never half), or fails. */
    public static String awaitFile(Path file, Duration limit, Process child, Path log) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (Files.isRegularFile(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!text.isEmpty()) {
                    return text;
                }
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child JVM ended (" + child.exitValue() + ") before writing " + file
                        + ":\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + file + " within " + limit.toSeconds() + " s:\n" + Files.readString(log));
    }

    /**
     * Whether the process is still running. An ended child that nobody has reaped yet (a zombie
     * whose new parent, in a container, may never reap it) counts as gone: it runs nothing.
     */
    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }
}
