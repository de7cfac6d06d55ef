package dev.wasmbuild.core.configure;

import dev.wasmbuild.core.io.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files configure generates (Makefile, Makefile.pre, Modules/Setup.*, Modules/config.c,
 * Misc/*.pc, ...), remembered before a flip and given back their old time stamps when they came
 * out byte for byte the same. config.status already does this for pyconfig.h but rewrites the
 * others; CPython's Makefile makes Programs/_freeze_module.o, getpath.o and sysmodule.o depend
 * on the Makefile, and everything frozen on _freeze_module, so a rewritten but identical
 * Makefile would cost a rebuild of all of that. Content unchanged means what make built from
 * the file is still up to date, so the old time is the true one.
 */
final class UnchangedOutputs {
    /** Where configure writes; build products there are large and not configure's. */
    private static final List<String> DIRECTORIES = List.of("", "Modules", "Misc");
    private static final long LARGEST = 4L << 20;
    /** configure's own records, rewritten on every run and read by no make rule but Makefile.pre's (see restore). */
    private static final java.util.Set<String> OWN = java.util.Set.of("config.status", "config.log", "config.cache",
            "configure.log");

    private record Seen(String hash, FileTime modified) {
    }

    private final Map<Path, Seen> before = new HashMap<>();
    private Path buildDirectory;

    static UnchangedOutputs snapshot(Path buildDirectory) throws IOException {
        UnchangedOutputs u = new UnchangedOutputs();
        u.buildDirectory = buildDirectory;
        for (Path file : candidates(buildDirectory)) {
            u.before.put(file, new Seen(Hashing.file(file), Files.getLastModifiedTime(file)));
        }
        return u;
    }

    /** @return how many files got their old time stamp back */
    int restore() throws IOException {
        int restored = 0;
        for (var e : before.entrySet()) {
            Path file = e.getKey();
            if (Files.isRegularFile(file) && !Files.getLastModifiedTime(file).equals(e.getValue().modified())
                    && Hashing.file(file).equals(e.getValue().hash())) {
                Files.setLastModifiedTime(file, e.getValue().modified());
                restored++;
            }
        }
        // CPython's Makefile remakes Makefile.pre whenever config.status is newer (and then the
        // Makefile from it). This run's config.status wrote the Makefile.pre that came out the
        // same, so that Makefile.pre is up to date with it: give config.status its time.
        Path pre = buildDirectory.resolve("Makefile.pre");
        Path status = buildDirectory.resolve("config.status");
        Seen preSeen = before.get(pre);
        if (preSeen != null && Files.isRegularFile(status) && Files.getLastModifiedTime(pre).equals(preSeen.modified())
                && Files.getLastModifiedTime(status).compareTo(preSeen.modified()) > 0) {
            Files.setLastModifiedTime(status, preSeen.modified());
        }
        return restored;
    }

    private static List<Path> candidates(Path buildDirectory) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String d : DIRECTORIES) {
            Path dir = buildDirectory.resolve(d);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    if (Files.isRegularFile(p) && Files.size(p) <= LARGEST && !name.endsWith(".o")
                            && !(d.isEmpty() && OWN.contains(name)) && !name.startsWith(".wasm-")) {
                        files.add(p);
                    }
                }
            }
        }
        return files;
    }
}
