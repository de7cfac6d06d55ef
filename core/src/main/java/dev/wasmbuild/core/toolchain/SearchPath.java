package dev.wasmbuild.core.toolchain;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An environment's PATH, split once, and the executables found on it. */
record SearchPath(List<Path> directories) {

    SearchPath {
        directories = List.copyOf(directories);
    }

    static SearchPath of(Map<String, String> env) {
        List<Path> dirs = new ArrayList<>();
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                dirs.add(Path.of(dir));
            }
        }
        return new SearchPath(dirs);
    }

    /** The first executable file of this name, in PATH's order. */
    Optional<Path> find(String program) {
        for (Path dir : directories) {
            Path p = dir.resolve(program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The first of the names found, trying them in order (a versioned name before the plain one). */
    Optional<Path> findFirst(String... programs) {
        for (String name : programs) {
            Optional<Path> p = find(name);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }
}
