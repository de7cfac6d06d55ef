package dev.wasmbuild.core.run;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.process.LineOutputStream;
import dev.wasmbuild.core.process.ProcessExecutor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a finished build's interpreter with the chosen runner: a host program (node, wasmtime)
 * through the process gateway, or Chicory inside this JVM. wasm:run and wasm:test both come
 * here, so neither knows which kind of runner it got.
 */
public final class GuestRun {
    private final BuildLayout layout;
    private final RunnerKind kind;
    private final HostRunners hosts;

    private GuestRun(BuildLayout layout, RunnerKind kind, HostRunners hosts) {
        this.layout = layout;
        this.kind = kind;
        this.hosts = hosts;
    }

    /**
     * @param requested the runner setting (auto is resolved here)
     * @param environment the complete environment host runners start with
     */
    public static GuestRun of(BuildLayout layout, RunnerKind requested, Map<String, String> environment)
            throws ConfigurationException {
        HostRunners hosts = new HostRunners(environment);
        return new GuestRun(layout, hosts.resolve(requested, layout.target()), hosts);
    }

    public RunnerKind kind() {
        return kind;
    }

    /** What will run, for the log: the host command line, or python's arguments and where it runs. */
    public String describe(Path root, List<String> args) throws WasmBuildException {
        if (kind == RunnerKind.CHICORY) {
            return "python " + String.join(" ", args) + " (in this JVM with Chicory)";
        }
        return hosts.command(kind, layout, root, args).line();
    }

    /** Runs with the console's streams; returns python's exit status. */
    public int attach(Path root, List<String> args) throws WasmBuildException, InterruptedException {
        if (kind == RunnerKind.CHICORY) {
            return ChicoryRunner.run(layout, root, args, System.in, System.out, System.err);
        }
        return ProcessExecutor.attach(hosts.command(kind, layout, root, args));
    }

    /**
     * Runs without input, each output line to {@code lines} and {@code logFile} (a file in the
     * build directory, which failures name as under outputDirectory); a run that passes
     * {@code timeout} is stopped (the process tree killed, or the Chicory thread interrupted) and
     * reported as timed out.
     */
    public ProcessExecutor.Streamed stream(Path root, List<String> args, Consumer<String> lines, Path logFile,
            Duration timeout) throws WasmBuildException, InterruptedException {
        if (kind != RunnerKind.CHICORY) {
            return ProcessExecutor.stream(hosts.command(kind, layout, root, args), lines, logFile, Setting.OUTPUT_DIRECTORY,
                    timeout);
        }
        return inThisJvm(root, args, lines, logFile, timeout);
    }

    private ProcessExecutor.Streamed inThisJvm(Path root, List<String> args, Consumer<String> lines, Path logFile,
            Duration timeout) throws WasmBuildException, InterruptedException {
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            Consumer<String> sink = line -> {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > ProcessExecutor.TAIL_LINES) {
                        tail.removeFirst();
                    }
                    try {
                        log.write(line);
                        log.write('\n');
                    } catch (IOException e) {
                        // the log file is best effort; the lines still reach the consumer
                    }
                }
                lines.accept(line);
            };
            AtomicInteger status = new AtomicInteger(-1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try (PrintStream out = new PrintStream(new LineOutputStream(sink), true, StandardCharsets.UTF_8)) {
                    status.set(ChicoryRunner.run(layout, root, args, InputStream.nullInputStream(), out, out));
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "wasm-chicory");
            worker.setDaemon(true);
            worker.start();
            worker.join(timeout == null ? 0 : timeout.toMillis());
            boolean timedOut = worker.isAlive();
            if (timedOut) {
                // Chicory checks the interrupt flag between instructions; a daemon thread that
                // ignores it cannot keep the JVM alive.
                worker.interrupt();
                worker.join(10_000);
            }
            if (!timedOut && failure.get() instanceof WasmBuildException e) {
                throw e;
            }
            if (!timedOut && failure.get() != null) {
                throw new WasmBuildException("python.wasm failed under Chicory: " + failure.get(), failure.get());
            }
            synchronized (tail) {
                return new ProcessExecutor.Streamed(status.get(), List.copyOf(tail), timedOut);
            }
        } catch (IOException e) {
            throw WasmBuildException.io("cannot write " + logFile, Setting.OUTPUT_DIRECTORY, e);
        }
    }
}
