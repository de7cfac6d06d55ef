package dev.wasmbuild.core.regrtest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.run.RunnerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * node 20 sometimes dies of SIGSEGV while exiting after a long WASI run (seen in the Debian 13
 * root: test_json passed, its report was written, node then exited with 139). Only that exact
 * case keeps the module's result; any other non-zero exit of a passing module still fails.
 */
class NodeCrashAtExitTest {
    private static final List<String> PASSED = List.of("== Tests result: SUCCESS ==", "", "1 test OK.", "",
            "Total duration: 2.5 sec", "Tests result: SUCCESS", "");

    @Test
    void aSegfaultOrAbortAfterSuccessUnderNodeKeepsTheResult() {
        assertTrue(RegressionTests.crashedAfterSuccess(RunnerKind.NODE, 139, PASSED));
        assertTrue(RegressionTests.crashedAfterSuccess(RunnerKind.NODE, 134, PASSED));
    }

    @Test
    void anythingElseIsStillAProblem() {
        // Another status, another runner, or output after regrtest's last word.
        assertFalse(RegressionTests.crashedAfterSuccess(RunnerKind.NODE, 1, PASSED));
        assertFalse(RegressionTests.crashedAfterSuccess(RunnerKind.NODE, 137, PASSED));
        assertFalse(RegressionTests.crashedAfterSuccess(RunnerKind.WASMTIME, 139, PASSED));
        assertFalse(RegressionTests.crashedAfterSuccess(RunnerKind.NODE, 139, List.of("Tests result: SUCCESS",
                "FATAL ERROR: v8::ToLocalChecked Empty MaybeLocal")));
        assertFalse(RegressionTests.crashedAfterSuccess(RunnerKind.NODE, 139, List.of("Tests result: FAILURE")));
        assertFalse(RegressionTests.crashedAfterSuccess(RunnerKind.NODE, 139, List.of()));
    }
}
