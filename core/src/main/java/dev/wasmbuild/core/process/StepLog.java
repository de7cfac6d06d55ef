package dev.wasmbuild.core.process;

import java.util.function.Consumer;

/** Where a build step reports: what it decided and why (info), and trouble (warn). */
public record StepLog(Consumer<String> info, Consumer<String> warn, Consumer<String> output) {
}
