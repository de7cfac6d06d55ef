package dev.wasmbuild.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionRangeTest {
    private static PythonRelease v(String s) {
        return PythonRelease.parseOrNull(s);
    }

    @Test
    void minorVersionRanges() {
        assertTrue(VersionRange.parse("3.12+").contains(v("3.14.0")));
        assertTrue(VersionRange.parse("3.12+").contains(v("3.12.0")));
        assertFalse(VersionRange.parse("3.12+").contains(v("3.11.9")));
        assertTrue(VersionRange.parse("3.11-3.13").contains(v("3.13.15")));
        assertFalse(VersionRange.parse("3.11-3.13").contains(v("3.14.0")));
        assertTrue(VersionRange.parse("3.11").contains(v("3.11.2")));
        assertTrue(VersionRange.parse("3.11").contains(v("3.11.14")));
        assertFalse(VersionRange.parse("3.11").contains(v("3.12.0")));
        assertTrue(VersionRange.parse(null).contains(v("3.99.1")));
    }

    @Test
    void patchReleaseRanges() {
        assertFalse(VersionRange.parse("3.11.8+").contains(v("3.11.7")));
        assertTrue(VersionRange.parse("3.11.8+").contains(v("3.11.8")));
        assertTrue(VersionRange.parse("3.11.8+").contains(v("3.12.0")));
        assertFalse(VersionRange.parse("3.12.3-3.12.*").contains(v("3.12.2")));
        assertTrue(VersionRange.parse("3.12.3-3.12.*").contains(v("3.12.12")));
        assertFalse(VersionRange.parse("3.12.3-3.12.*").contains(v("3.13.0")));
        assertTrue(VersionRange.parse("3.11.8").contains(v("3.11.8")));
        assertFalse(VersionRange.parse("3.11.8").contains(v("3.11.9")));
        assertEquals("3.12.3-3.12.*", VersionRange.parse("3.12.3-3.12.*").toString());
    }

    @Test
    void preReleasesCountAsTheirRelease() {
        assertTrue(VersionRange.parse("3.13+").contains(v("3.13.0b4")));
        assertEquals(v("3.14.0"), v("3.14.0a1+"));
        assertEquals("3.14.0a1+", v("3.14.0a1+").toString());
        assertNull(v("3.13"));
        assertNull(v("3.13.x"));
    }

    @Test
    void releasesCompareNumerically() {
        assertTrue(v("3.11.9").compareTo(v("3.11.10")) < 0);
        assertTrue(v("3.9.20").compareTo(v("3.11.0")) < 0);
    }

    @Test
    void malformedRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("3.13-3.11"));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("3.12.3-3.12.1"));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("three"));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("3.12.x+"));
    }
}
