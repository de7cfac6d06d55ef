package dev.wasmbuild.core.catalogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPython releases a catalogue entry belongs to, written as in features.yaml:
 * "3.11" (every 3.11.x), "3.11.8+" (3.11.8 and everything after, 3.12 included),
 * "3.12.3-3.12.*", "3.11-3.13", "3.11.8" (that release only), or all releases when absent.
 * A bound without a patch level starts at X.Y.0 and, as an upper bound, ends with the last X.Y.z.
 */
public record VersionRange(PythonRelease from, PythonRelease to, String text) {
    public static final VersionRange ALL = new VersionRange(null, null, "all");
    private static final Pattern BOUND = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+|\\*))?");
    private static final int LAST_PATCH = Integer.MAX_VALUE;

    public static VersionRange parse(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        String t = value.trim();
        if (t.endsWith("+")) {
            return new VersionRange(bound(t.substring(0, t.length() - 1), false, value), null, t);
        }
        int dash = t.indexOf('-');
        if (dash > 0) {
            PythonRelease from = bound(t.substring(0, dash), false, value);
            PythonRelease to = bound(t.substring(dash + 1), true, value);
            if (from.compareTo(to) > 0) {
                throw new IllegalArgumentException("version range '" + value + "' runs backwards");
            }
            return new VersionRange(from, to, t);
        }
        return new VersionRange(bound(t, false, value), bound(t, true, value), t);
    }

    private static PythonRelease bound(String part, boolean upper, String whole) {
        Matcher m = BOUND.matcher(part.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + whole
                    + "' is not a version range (write 3.11, 3.11.8, 3.12+, 3.11.8+, 3.11-3.13 or 3.12.3-3.12.*)");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        String patch = m.group(3);
        int p = patch == null || patch.equals("*") ? (upper ? LAST_PATCH : 0) : Integer.parseInt(patch);
        return new PythonRelease(major, minor, p, part.trim());
    }

    public boolean contains(PythonRelease v) {
        return (from == null || from.compareTo(v) <= 0) && (to == null || v.compareTo(to) <= 0);
    }

    @Override
    public String toString() {
        return text;
    }
}
