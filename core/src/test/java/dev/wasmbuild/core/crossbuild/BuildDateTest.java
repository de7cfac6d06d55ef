package dev.wasmbuild.core.crossbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The build date make hands to getbuildinfo.c, in __DATE__'s and __TIME__'s formats, escaped for make's shell. */
class BuildDateTest {
    @Test
    void fromSourceDateEpochElseTheDefault() {
        assertEquals("-DDATE=\\\"Jan\\ \\ 1\\ 2024\\\" -DTIME=\\\"00:00:00\\\"", BuildEnvironment.buildDate("1704067200"));
        assertEquals("-DDATE=\\\"Nov\\ 26\\ 2026\\\" -DTIME=\\\"01:02:03\\\"", BuildEnvironment.buildDate("1795654923"));
        assertEquals(BuildEnvironment.buildDate(Long.toString(BuildEnvironment.DEFAULT_SOURCE_DATE_EPOCH)), BuildEnvironment.buildDate(null));
        assertEquals(BuildEnvironment.buildDate(null), BuildEnvironment.buildDate("yesterday"));
    }
}
