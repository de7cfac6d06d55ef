package dev.wasmbuild.core.catalogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CPython minor version such as 3.11: the granularity at which upstream's site files change. */
public record PythonVersion(int major, int minor) implements Comparable<PythonVersion> {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+.*)?");

    /** Parses "3.11" or "3.11.2" (the patch level is dropped); null if it is neither. */
    public static PythonVersion parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORM.matcher(text.trim());
        return m.matches() ? new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
    }

    @Override
    public int compareTo(PythonVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
