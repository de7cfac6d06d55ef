package dev.wasmbuild.core.regrtest;

import java.util.ArrayList;
import java.util.List;

/** What a regrtest run amounted to, across all its modules. */
public record TestSummary(int tests, int failures, int errors, int skipped, List<String> failedModules,
        List<String> reportFiles) {

    public static final TestSummary NONE = new TestSummary(0, 0, 0, 0, List.of(), List.of());

    /** Both runs' counts together. */
    public TestSummary plus(TestSummary other) {
        List<String> modules = new ArrayList<>(failedModules);
        modules.addAll(other.failedModules);
        List<String> files = new ArrayList<>(reportFiles);
        files.addAll(other.reportFiles);
        return new TestSummary(tests + other.tests, failures + other.failures, errors + other.errors,
                skipped + other.skipped, List.copyOf(modules), List.copyOf(files));
    }

    public boolean passed() {
        return failures == 0 && errors == 0;
    }

    public String describe() {
        return "Tests run: " + tests + ", Failures: " + failures + ", Errors: " + errors + ", Skipped: " + skipped;
    }
}
