package dev.wasmbuild.core.process;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A step that runs for minutes with its output in a log file (configure, make, the build
 * Python's configure): the log file is reset, the output goes to it and to the step log's
 * output, the units of work are counted as their lines go by (configure's checks, make's
 * compiles) with the last one kept, a progress line says so every ten seconds, and a failure
 * names the step, command, directory and exit code with what the step adds about why.
 */
public final class LongStep {
    /** What a failed step adds to its message: the lines that say why, where the full output is. */
    @FunctionalInterface
    public interface Details {
        String of(List<String> tail);
    }

    /** How a step that exited 0 went: how many units of work and how long. */
    public record Outcome(int units, long seconds) {
    }

    private final String name;
    private final String units;
    private final Function<String, String> unitOf;
    private final boolean progress;

    private LongStep(String name, String units, Function<String, String> unitOf, boolean progress) {
        this.name = name;
        this.units = units;
        this.unitOf = unitOf;
        this.progress = progress;
    }

    /**
     * A step that reports progress and its end in the log: "make: 12 files compiled so far (40s),
     * last: Python/ceval.o", then "make: done, 300 files compiled in 95s".
     *
     * @param name the step as the log and a failure name it ("make")
     * @param units what it counts, plural ("files compiled")
     * @param unitOf a line's unit of work as the progress line shows it (after "last: "), or null
     *     for a line that is none
     */
    public static LongStep counting(String name, String units, Function<String, String> unitOf) {
        return new LongStep(name, units, unitOf, true);
    }

    /** A step that says nothing while it runs or when it is done; its failure is reported all the same. */
    public static LongStep silent(String name) {
        return new LongStep(name, "", line -> null, false);
    }

    /**
     * Runs the command, its output in {@code logFile}, and fails with a {@link ProcessFailedException}
     * when it exits non-zero.
     *
     * @param logSetting the setting the log file's directory comes from, named when it cannot be written
     */
    public Outcome run(Command command, Path logFile, Setting logSetting, StepLog log, Details details)
            throws WasmBuildException, InterruptedException {
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot reset " + logFile, logSetting, e);
        }
        AtomicInteger count = new AtomicInteger();
        AtomicReference<String> last = new AtomicReference<>("");
        ProcessExecutor.Streamed r;
        long seconds;
        try (Progress ticks = progress
                ? new Progress(log.info(), s -> String.format("%s: %d %s so far (%ds)%s", name, count.get(), units,
                        s, last.get()))
                : null) {
            long start = System.nanoTime();
            r = ProcessExecutor.stream(command, line -> {
                String unit = unitOf.apply(line);
                if (unit != null) {
                    count.incrementAndGet();
                    last.set(", last: " + unit);
                }
                log.output().accept(line);
            }, logFile, logSetting);
            seconds = ticks != null ? ticks.seconds() : (System.nanoTime() - start) / 1_000_000_000L;
        }
        if (r.exitCode() != 0) {
            throw new ProcessFailedException(name, command.arguments(), command.directory(), r.exitCode(),
                    details.of(r.tail()));
        }
        if (progress) {
            log.info().accept(String.format("%s: done, %d %s in %ds", name, count.get(), units, seconds));
        }
        return new Outcome(count.get(), seconds);
    }
}
