package dev.wasmbuild.core.regrtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** wasm:test's settings are checked before anything runs, naming the setting at fault. */
class RegressionTestsValidatedTest {
    private static final Path REPORTS = Path.of("/tmp/reports");

    @Test
    void acceptsModuleNamesAndTurnsSecondsIntoALimit() throws Exception {
        RegressionTests.Settings s = RegressionTests.validated(List.of("test_os", "test_json", "test___all__"),
                List.of("test_socket*"), 60, REPORTS);
        assertEquals(List.of("test_os", "test_json", "test___all__"), s.tests());
        assertEquals(List.of("test_socket*"), s.ignore());
        assertEquals(Duration.ofSeconds(60), s.moduleTimeout());
        assertEquals(REPORTS, s.reportsDirectory());
    }

    @Test
    void zeroSecondsMeansNoLimit() throws Exception {
        assertNull(RegressionTests.validated(List.of(), List.of(), 0, REPORTS).moduleTimeout());
    }

    @Test
    void refusesWhatIsNotAModuleName() {
        for (String bad : List.of("os", "test_os.Tests", "test-os", "../test_os", "test_os; rm")) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> RegressionTests.validated(List.of("test_json", bad), List.of(), 1, REPORTS), bad);
            assertEquals(Setting.TESTS, e.setting());
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void refusesANegativeTimeout() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> RegressionTests.validated(List.of(), List.of(), -1, REPORTS));
        assertEquals(Setting.TEST_TIMEOUT, e.setting());
    }

    @Test
    void copiesTheListsSoLaterChangesDoNotLeakIn() throws Exception {
        List<String> tests = new ArrayList<>(List.of("test_os"));
        RegressionTests.Settings s = RegressionTests.validated(tests, List.of(), 1, REPORTS);
        tests.add("test_json");
        assertEquals(List.of("test_os"), s.tests());
    }
}
