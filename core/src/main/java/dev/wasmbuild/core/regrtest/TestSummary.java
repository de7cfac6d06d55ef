package dev.wasmbuild.core.regrtest;

import java.util.List;

/** What a regrtest run amounted to, across all its modules. */
public record TestSummary(int tests, int failures, int errors, int skipped, List<String> failedModules,
        List<String> reportFiles) {

    public boolean passed() {
        return failures == 0 && errors == 0;
    }

    public String describe() {
        return "Tests run: " + tests + ", Failures: " + failures + ", Errors: " + errors + ", Skipped: " + skipped;
    }
}
