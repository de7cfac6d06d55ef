package dev.wasmbuild.core.process;

import java.util.function.Consumer;

/**
 * Where a build step reports: what it decided and why, and progress (info); trouble (warn);
 * and the child processes' own lines (output), which are dropped unless the user asked for
 * them (Maven's -X, or the verbose switch), since the log files keep them anyway.
 */
public record StepLog(Consumer<String> info, Consumer<String> warn, Consumer<String> output) {

    /** The same log without the child processes' lines, for steps whose output only the log file needs. */
    public StepLog quiet() {
        return new StepLog(info, warn, line -> { });
    }
}
