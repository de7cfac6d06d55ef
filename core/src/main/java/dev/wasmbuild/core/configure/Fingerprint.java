package dev.wasmbuild.core.configure;

import dev.wasmbuild.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every input of a configure run, one named line each, in a fixed order. Stored next to the
 * build after configure succeeded; comparing the stored one with the current one says whether
 * configure must run again, and if so, the first input that changed.
 */
public final class Fingerprint {
    private final Map<String, String> entries = new LinkedHashMap<>();

    public Fingerprint put(String name, String value) {
        entries.put(name, value.replace("\n", "\\n"));
        return this;
    }

    /** Why {@code stored} does not match this one, or empty when it does. */
    public Optional<String> differenceFrom(Optional<Map<String, String>> stored) {
        if (stored.isEmpty()) {
            return Optional.of("the build directory has not been configured yet");
        }
        Map<String, String> old = stored.get();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String before = old.get(e.getKey());
            if (before == null) {
                return Optional.of(e.getKey() + " is new since the last configure");
            }
            if (!before.equals(e.getValue())) {
                return Optional.of(e.getKey() + " changed (was " + shorten(before) + ", now " + shorten(e.getValue()) + ")");
            }
        }
        for (String k : old.keySet()) {
            if (!entries.containsKey(k)) {
                return Optional.of(k + " is no longer an input");
            }
        }
        return Optional.empty();
    }

    /** The names of the inputs that differ from {@code stored}: changed, new, or no longer there. */
    public List<String> changedInputs(Map<String, String> stored) {
        List<String> names = new ArrayList<>();
        entries.forEach((k, v) -> {
            if (!v.equals(stored.get(k))) {
                names.add(k);
            }
        });
        stored.keySet().stream().filter(k -> !entries.containsKey(k)).forEach(names::add);
        return names;
    }

    public void write(Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        entries.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<Map<String, String>> read(Path file) {
        try {
            Map<String, String> m = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return Optional.of(m);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
