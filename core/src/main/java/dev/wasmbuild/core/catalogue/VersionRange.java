package dev.wasmbuild.core.catalogue;

/**
 * The CPython minor versions a catalogue entry belongs to: "3.11", "3.12+", "3.11-3.13", or
 * all versions when absent.
 */
public record VersionRange(PythonVersion from, PythonVersion to) {
    public static final VersionRange ALL = new VersionRange(null, null);

    public static VersionRange parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        String t = text.trim();
        if (t.endsWith("+")) {
            return new VersionRange(require(t.substring(0, t.length() - 1), text), null);
        }
        int dash = t.indexOf('-');
        if (dash > 0) {
            PythonVersion from = require(t.substring(0, dash), text);
            PythonVersion to = require(t.substring(dash + 1), text);
            if (from.compareTo(to) > 0) {
                throw new IllegalArgumentException("version range '" + text + "' runs backwards");
            }
            return new VersionRange(from, to);
        }
        PythonVersion only = require(t, text);
        return new VersionRange(only, only);
    }

    private static PythonVersion require(String part, String whole) {
        PythonVersion v = PythonVersion.parseOrNull(part);
        if (v == null) {
            throw new IllegalArgumentException(
                    "'" + whole + "' is not a version range (write 3.11, 3.12+ or 3.11-3.13)");
        }
        return v;
    }

    public boolean contains(PythonVersion v) {
        return (from == null || from.compareTo(v) <= 0) && (to == null || v.compareTo(to) <= 0);
    }

    @Override
    public String toString() {
        if (from == null && to == null) {
            return "all";
        }
        if (to == null) {
            return from + "+";
        }
        return from.equals(to) ? from.toString() : from + "-" + to;
    }
}
