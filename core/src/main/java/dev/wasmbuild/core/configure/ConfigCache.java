package dev.wasmbuild.core.configure;

import dev.wasmbuild.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * autoconf's config.cache: one "NAME=${NAME=value}" (or "NAME=value" for the ac_cv_env_ entries)
 * line per cached answer, since configure unsets values that span lines before saving.
 */
final class ConfigCache {
    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=");

    private ConfigCache() {
    }

    /** Rewrites the file without the entries of {@code names}; returns those it held. */
    static Set<String> drop(Path cache, Set<String> names) throws IOException {
        Set<String> dropped = new TreeSet<>();
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(cache, StandardCharsets.ISO_8859_1)) {
            Matcher m = ENTRY.matcher(line);
            if (m.find() && names.contains(m.group(1))) {
                dropped.add(m.group(1));
            } else {
                kept.add(line);
            }
        }
        AtomicFiles.write(cache, (String.join("\n", kept) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        return dropped;
    }
}
