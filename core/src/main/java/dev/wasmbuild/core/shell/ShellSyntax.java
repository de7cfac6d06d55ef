package dev.wasmbuild.core.shell;

import java.util.regex.Pattern;

/** The two rules that make a generated config.site safe to source. */
public final class ShellSyntax {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ShellSyntax() {
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Single-quotes a value for a POSIX shell. Inside single quotes nothing is special, so the
     * only character to deal with is the single quote itself: close, emit an escaped quote,
     * reopen.
     */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    public static String assignment(String name, String value) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid shell variable name");
        }
        return name + "=" + quote(value);
    }
}
