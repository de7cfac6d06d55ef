package dev.wasmbuild.core.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision "configure again?" and the reason the log gives for it. */
class FingerprintTest {

    private static Fingerprint current() {
        return new Fingerprint().put("plugin version", "1.0").put("site file", "abc").put("toolchain", "clang 14");
    }

    private static Optional<Map<String, String>> stored(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Optional.of(m);
    }

    @Test
    void equalFingerprintsGiveNoReason() {
        assertEquals(Optional.empty(), current().differenceFrom(
                stored("plugin version", "1.0", "site file", "abc", "toolchain", "clang 14")));
    }

    @Test
    void noStoredFingerprintMeansNeverConfigured() {
        assertEquals(Optional.of("the build directory has not been configured yet"),
                current().differenceFrom(Optional.empty()));
    }

    @Test
    void theFirstChangedInputInInsertionOrderIsReported() {
        // Both the site file and the toolchain changed: the earlier input is the one named.
        assertEquals(Optional.of("site file changed (was old, now abc)"), current().differenceFrom(
                stored("plugin version", "1.0", "site file", "old", "toolchain", "gcc")));
    }

    @Test
    void anInputMissingFromTheStoredOneIsNew() {
        assertEquals(Optional.of("toolchain is new since the last configure"),
                current().differenceFrom(stored("plugin version", "1.0", "site file", "abc")));
    }

    @Test
    void aStoredInputThatIsGoneIsReported() {
        assertEquals(Optional.of("environment CFLAGS is no longer an input"), current().differenceFrom(
                stored("plugin version", "1.0", "site file", "abc", "toolchain", "clang 14", "environment CFLAGS", "-O2")));
    }

    @Test
    void longValuesAreShortenedInTheReason() {
        String longValue = "x".repeat(100);
        String reason = new Fingerprint().put("configure arguments", longValue)
                .differenceFrom(stored("configure arguments", "short")).orElseThrow();
        assertEquals("configure arguments changed (was short, now " + "x".repeat(77) + "...)", reason);
    }

    @Test
    void writeThenReadRoundTripsIncludingNewlinesInValues(@TempDir Path dir) throws Exception {
        // A value with a newline must not split into a second (bogus) entry of the file.
        Fingerprint fp = new Fingerprint().put("a", "1").put("environment X", "two\nlines").put("b", "k=v");
        Path file = dir.resolve("fp");
        fp.write(file);
        assertEquals(3, Files.readAllLines(file).size());
        assertEquals(Optional.empty(), fp.differenceFrom(Fingerprint.read(file)));
    }

    @Test
    void anUnreadableFileReadsAsNotConfigured(@TempDir Path dir) {
        assertEquals(Optional.empty(), Fingerprint.read(dir.resolve("missing")));
    }
}
