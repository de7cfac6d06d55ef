package dev.wasmbuild.core.packaging;

import java.util.Optional;

/**
 * _sysconfigdata as packaged: the build and source directories replaced by /cpython/build and
 * /cpython/src, and every string literal rewritten in one canonical form.
 *
 * <p>Replacing the paths alone is not enough for two project directories to give the same file:
 * CPython 3.11 writes the dict with pprint, which wraps a long string into adjacent literals at
 * word boundaries, and where it wraps depends on how long the paths inside were. So adjacent
 * literals are joined, decoded, the paths replaced in the text itself, and each value written back
 * as one literal; the result means the same to Python and no longer depends on the paths' length.
 * Text outside string literals is kept as it is.
 */
final class SysconfigData {
    private SysconfigData() {
    }

    /**
     * The file with the directories replaced (the longer first, in case one lies inside the
     * other); empty when the file holds something this reader does not understand, for the caller
     * to fall back on a plain replacement.
     */
    static Optional<String> normalize(String text, String build, String source) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '#') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(text, i, end);
                i = end;
            } else if (c == '\'' || c == '"') {
                StringBuilder value = new StringBuilder();
                int next = i;
                // A run of literals separated only by white space is one string to Python.
                while (true) {
                    int end = literal(text, next, value);
                    if (end < 0) {
                        return Optional.empty();
                    }
                    int after = end;
                    while (after < n && Character.isWhitespace(text.charAt(after))) {
                        after++;
                    }
                    if (after < n && (text.charAt(after) == '\'' || text.charAt(after) == '"')) {
                        next = after;
                    } else {
                        i = end;
                        break;
                    }
                }
                out.append(quote(replace(value.toString(), build, source)));
            } else {
                out.append(c);
                i++;
            }
        }
        return Optional.of(out.toString());
    }

    static String replace(String text, String build, String source) {
        if (build.length() >= source.length()) {
            return text.replace(build, "/cpython/build").replace(source, "/cpython/src");
        }
        return text.replace(source, "/cpython/src").replace(build, "/cpython/build");
    }

    /**
     * Decodes the literal that starts at {@code start} (a quote) into {@code into}; returns the
     * index after its closing quote, or -1 for anything but the plain literals repr() writes.
     */
    private static int literal(String text, int start, StringBuilder into) {
        char q = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == q) {
                return i + 1;
            }
            if (c == '\n') {
                return -1;
            }
            if (c != '\\') {
                into.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                return -1;
            }
            char e = text.charAt(i + 1);
            int hex = switch (e) {
                case 'x' -> 2;
                case 'u' -> 4;
                case 'U' -> 8;
                default -> 0;
            };
            if (hex > 0) {
                if (i + 2 + hex > text.length()) {
                    return -1;
                }
                int code;
                try {
                    code = Integer.parseInt(text.substring(i + 2, i + 2 + hex), 16);
                } catch (NumberFormatException bad) {
                    return -1;
                }
                if (!Character.isValidCodePoint(code)) {
                    return -1;
                }
                into.appendCodePoint(code);
                i += 2 + hex;
                continue;
            }
            switch (e) {
                case '\\', '\'', '"' -> into.append(e);
                case 'n' -> into.append('\n');
                case 'r' -> into.append('\r');
                case 't' -> into.append('\t');
                default -> {
                    return -1;
                }
            }
            i += 2;
        }
        return -1;
    }

    /** One literal as repr() would write it: single quotes unless only double ones avoid escaping. */
    static String quote(String value) {
        char q = value.indexOf('\'') >= 0 && value.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(value.length() + 2).append(q);
        value.codePoints().forEach(cp -> {
            if (cp == q || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp >= 0x80 && !printable(cp)) {
                out.append(cp <= 0xff ? String.format("\\x%02x", cp)
                        : cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append(q).toString();
    }

    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && !(type == Character.SPACE_SEPARATOR && cp != ' ');
    }
}
