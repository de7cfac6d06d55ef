package dev.wasmbuild.core.process;

import dev.wasmbuild.core.WasmBuildException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a build step: an argument list (never a shell around user values), an explicit
 * environment, both output streams pumped on their own threads into the caller's log and a
 * log file. Interrupting the calling thread kills the whole process tree.
 */
public final class ProcessRunner {
    private static final int TAIL_LINES = 40;

    private final Consumer<String> out;
    private final Consumer<String> err;

    /** @param out receives stdout lines, @param err stderr lines (e.g. Maven's info and warn) */
    public ProcessRunner(Consumer<String> out, Consumer<String> err) {
        this.out = out;
        this.err = err;
    }

    /** The outcome of a finished process: its exit code and its last lines of output. */
    public record Result(int exitCode, List<String> tail) {
    }

    /**
     * @param environment the complete environment of the child (not added to Maven's)
     * @param logFile every line goes here too (appended), or null
     */
    public Result run(List<String> command, Path directory, Map<String, String> environment, Path logFile)
            throws WasmBuildException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        BufferedWriter log = null;
        Process process;
        try {
            Files.createDirectories(directory);
            if (logFile != null) {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                log.write("$ (cd " + directory + " && " + String.join(" ", command) + ")\n");
                log.flush();
            }
            process = pb.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            closeQuietly(log);
            throw new WasmBuildException("cannot start " + command.get(0) + " in " + directory + ": " + e.getMessage()
                    + (command.get(0).contains("/") ? "" : " (is it installed and on PATH?)"), e);
        }
        Deque<String> tail = new ArrayDeque<>();
        Object lock = new Object();
        BufferedWriter sharedLog = log;
        Thread stdout = pump(process.getInputStream(), out, sharedLog, tail, lock, "stdout");
        Thread stderr = pump(process.getErrorStream(), err, sharedLog, tail, lock, "stderr");
        try {
            int code = process.waitFor();
            stdout.join();
            stderr.join();
            synchronized (lock) {
                return new Result(code, List.copyOf(tail));
            }
        } catch (InterruptedException e) {
            ForegroundProcess.destroyTree(process);
            throw e;
        } finally {
            closeQuietly(log);
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> sink, BufferedWriter log, Deque<String> tail,
            Object lock, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lock) {
                        tail.addLast(line);
                        if (tail.size() > TAIL_LINES) {
                            tail.removeFirst();
                        }
                        if (log != null) {
                            log.write(line);
                            log.write('\n');
                        }
                    }
                    sink.accept(line);
                }
            } catch (IOException e) {
                // The stream closes when the process is killed; nothing more to read.
            }
        }, "wasm-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void closeQuietly(BufferedWriter w) {
        if (w != null) {
            try {
                w.close();
            } catch (IOException ignored) {
                // the log is best effort; the process result is what matters
            }
        }
    }
}
