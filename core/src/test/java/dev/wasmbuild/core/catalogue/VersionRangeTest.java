package dev.wasmbuild.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionRangeTest {
    private static PythonVersion v(String s) {
        return PythonVersion.parseOrNull(s);
    }

    @Test
    void formsOfRanges() {
        assertTrue(VersionRange.parse("3.12+").contains(v("3.14")));
        assertFalse(VersionRange.parse("3.12+").contains(v("3.11")));
        assertTrue(VersionRange.parse("3.11-3.13").contains(v("3.13")));
        assertFalse(VersionRange.parse("3.11-3.13").contains(v("3.14")));
        assertTrue(VersionRange.parse("3.11").contains(v("3.11.2")));
        assertFalse(VersionRange.parse("3.11").contains(v("3.12")));
        assertTrue(VersionRange.parse(null).contains(v("3.99")));
    }

    @Test
    void versionsCompareNumerically() {
        assertTrue(v("3.9").compareTo(v("3.11")) < 0);
    }

    @Test
    void malformedRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("3.13-3.11"));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("three"));
    }
}
