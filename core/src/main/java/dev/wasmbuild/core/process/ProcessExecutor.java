package dev.wasmbuild.core.process;

import dev.wasmbuild.core.Setting;
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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one place where the plugin starts processes. Three verbs: {@link #capture} a short
 * query's output, {@link #stream} a build step's lines to a consumer and a log file, or
 * {@link #attach} a program to the console. Every child is registered with {@link ProcessTree}:
 * an interrupt kills its whole tree at once, and a JVM shutdown kills whatever is still running.
 */
public final class ProcessExecutor {
    /** How many of the last output lines a failure report can show. */
    public static final int TAIL_LINES = 40;

    private ProcessExecutor() {
    }

    /** A finished query: its exit code and its merged stdout and stderr. */
    public record Captured(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** A finished build step: its exit code and its last lines of output; timedOut if it was killed for taking too long. */
    public record Streamed(int exitCode, List<String> tail, boolean timedOut) {
    }

    /**
     * Runs a short command (a --version query, tar, cp) and returns its merged output. A command
     * still running after the timeout is killed and reported.
     */
    public static Captured capture(Command command, Duration timeout) throws WasmBuildException, InterruptedException {
        Process process = start(command, true, null);
        StringBuilder out = new StringBuilder();
        Thread pump = pump(process.getInputStream(), line -> {
            synchronized (out) {
                out.append(line).append('\n');
            }
        }, null, new ArrayDeque<>(), "capture");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.destroy(process);
                throw new WasmBuildException(command.line() + " did not finish within " + timeout.toSeconds()
                        + " s (in " + command.directory() + "); it was killed");
            }
            pump.join();
        } catch (InterruptedException e) {
            ProcessTree.destroy(process);
            throw e;
        }
        synchronized (out) {
            return new Captured(process.exitValue(), out.toString().strip());
        }
    }

    /**
     * Runs a build step: every stdout and stderr line goes to {@code lines} and is appended to
     * {@code logFile} (when not null), headed by the command and its directory.
     *
     * @param logSetting the setting the log file's directory comes from (e.g.
     *     {@code "{outputDirectory}"}), so that a log file that cannot be written names what to change
     */
    public static Streamed stream(Command command, Consumer<String> lines, Path logFile, Setting logSetting)
            throws WasmBuildException, InterruptedException {
        return stream(command, lines, logFile, logSetting, null);
    }

    /**
     * As {@link #stream(Command, Consumer, Path, String)}, killing the process tree once
     * {@code timeout} (if not null) has passed.
     */
    public static Streamed stream(Command command, Consumer<String> lines, Path logFile, Setting logSetting,
            Duration timeout) throws WasmBuildException, InterruptedException {
        BufferedWriter log = null;
        try {
            if (logFile != null) {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                log.write("$ (cd " + command.directory() + " && " + command.line() + ")\n");
                log.flush();
            }
        } catch (IOException e) {
            closeQuietly(log);
            throw WasmBuildException.io("cannot write the log file " + logFile, logSetting, e);
        }
        Process process;
        try {
            process = start(command, false, null);
        } catch (WasmBuildException e) {
            closeQuietly(log);
            throw e;
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread stdout = pump(process.getInputStream(), lines, log, tail, "stdout");
        Thread stderr = pump(process.getErrorStream(), lines, log, tail, "stderr");
        try {
            boolean timedOut = false;
            if (timeout == null) {
                process.waitFor();
            } else if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                ProcessTree.destroy(process);
            }
            stdout.join();
            stderr.join();
            synchronized (tail) {
                return new Streamed(process.exitValue(), List.copyOf(tail), timedOut);
            }
        } catch (InterruptedException e) {
            ProcessTree.destroy(process);
            throw e;
        } finally {
            closeQuietly(log);
        }
    }

    /**
     * Runs a program the user is talking to: stdin, stdout and stderr are the console's, so
     * output passes through unchanged and interactive use works.
     *
     * @return the program's exit status
     */
    public static int attach(Command command) throws WasmBuildException, InterruptedException {
        Process process = start(command, false, ProcessBuilder.Redirect.INHERIT);
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            ProcessTree.destroy(process);
            throw e;
        }
    }

    private static Process start(Command command, boolean mergeErrors, ProcessBuilder.Redirect inherit)
            throws WasmBuildException {
        ProcessBuilder pb = new ProcessBuilder(command.arguments()).directory(command.directory().toFile());
        pb.environment().clear();
        pb.environment().putAll(command.environment());
        // A shell's pwd (and so configure's idea of the build directory) trusts PWD when it names
        // the working directory; set it, so a directory reached through a link keeps that name
        // instead of the resolved one, and a PWD inherited from Maven's own start is not kept.
        pb.environment().put("PWD", command.directory().toAbsolutePath().toString());
        if (inherit != null) {
            pb.inheritIO();
        } else {
            pb.redirectErrorStream(mergeErrors);
        }
        try {
            Files.createDirectories(command.directory());
            Process process = ProcessTree.start(pb);
            if (inherit == null) {
                process.getOutputStream().close();
            }
            return process;
        } catch (IOException e) {
            throw new WasmBuildException("cannot start " + command.program() + " in " + command.directory() + ": "
                    + e.getMessage() + (command.program().contains("/") ? "" : " (is it installed and on PATH?)"), e);
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> sink, BufferedWriter log, Deque<String> tail,
            String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (tail) {
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
