package dev.wasmbuild.core.catalogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CPython release such as 3.11.2: the granularity at which upstream's site files change
 * (3.11.8 answered int-conversion on WASI, 3.11.9 turned preadv off, and so on).
 * Pre-releases and development trees (3.13.0b4, 3.14.0a1+) count as their final release, whose
 * suffix {@link #text()} keeps for messages.
 */
public record PythonRelease(int major, int minor, int patch, String text) implements Comparable<PythonRelease> {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:(?:a|b|rc)\\d+)?\\+?");

    /** Parses "3.11.2" (also "3.13.0b4", "3.14.0a1+"); null if it is not a release. */
    public static PythonRelease parseOrNull(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        Matcher m = FORM.matcher(t);
        return m.matches()
                ? new PythonRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), t)
                : null;
    }

    public static PythonRelease of(int major, int minor, int patch) {
        return new PythonRelease(major, minor, patch, major + "." + minor + "." + patch);
    }

    /** The minor version (3.11): what directory names and the stdlib path use. */
    public PythonVersion minorVersion() {
        return new PythonVersion(major, minor);
    }

    @Override
    public int compareTo(PythonRelease o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        return minor != o.minor ? Integer.compare(minor, o.minor) : Integer.compare(patch, o.patch);
    }

    /** Same release number; the suffix of a pre-release does not make it another release here. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PythonRelease r && compareTo(r) == 0;
    }

    @Override
    public int hashCode() {
        return (major * 1000 + minor) * 1000 + patch;
    }

    @Override
    public String toString() {
        return text;
    }
}
