package dev.wasmbuild.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Space-free names for directories whose real path configure and make cannot carry. autoconf
 * pastes srcdir, the working directory and CONFIG_SITE into shell code unquoted or splits them
 * into words; make splits prerequisites and HOSTRUNNER on spaces, reads ':' as a rule separator
 * and hands recipes to the shell. A symbolic link with a plain name, kept in the tool cache,
 * lets the build see such a directory under a path with none of those characters.
 */
public final class PathAliases {
    /** What neither make nor the shell give a meaning to. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.+,@=~/-]*");

    private final Path root;

    /** @param root where the links live; its own path must be plain */
    public PathAliases(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static boolean isPlain(Path p) {
        return PLAIN.matcher(p.toAbsolutePath().normalize().toString()).matches();
    }

    /** The characters of {@code p} that force an alias, for messages ("' ', ':'"). */
    public static String offending(Path p) {
        StringBuilder out = new StringBuilder();
        p.toAbsolutePath().normalize().toString().codePoints().distinct()
                .filter(c -> !PLAIN.matcher(Character.toString(c)).matches())
                .forEach(c -> out.append(out.length() == 0 ? "" : ", ").append(describe(c)));
        return out.toString();
    }

    private static String describe(int c) {
        return switch (c) {
            case ' ' -> "space";
            case '\t' -> "tab";
            case '\n' -> "newline";
            default -> "'" + Character.toString(c) + "'";
        };
    }

    public Path root() {
        return root;
    }

    /**
     * Where {@code dir} is seen by configure and make: the directory itself when its path is
     * plain, else a link named after its last element and a hash of its full path (so each
     * directory keeps one stable alias, and configure's fingerprint does not change from run
     * to run). Nothing is created; see {@link #create}.
     */
    public Path aliasFor(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (isPlain(abs)) {
            return abs;
        }
        String name = abs.getFileName() == null ? "root" : abs.getFileName().toString();
        String plainName = name.replaceAll("[^A-Za-z0-9_.+,@=~-]+", "_");
        return root.resolve(plainName + "-" + Hashing.text(abs.toString()).substring(0, 12));
    }

    /** Makes the link {@link #aliasFor} names, when it is one; @return the alias */
    public Path create(Path dir) throws IOException {
        Path alias = aliasFor(dir);
        if (!alias.equals(dir.toAbsolutePath().normalize())) {
            SymbolicLinks.place(alias, dir.toAbsolutePath().normalize());
        }
        return alias;
    }
}
