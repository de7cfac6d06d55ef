package dev.wasmbuild.server.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server module's shape, checked on its sources as core's ArchitectureTest checks the core:
 * its packages form no cycle, it starts no process (the one gateway is core's ProcessExecutor),
 * it never mentions Maven, and of the core it uses only the shared errors and file helpers, so
 * the server does not grow into the build pipeline.
 */
class ServerShapeTest {
    private static final Path SOURCES = Path.of("src/main/java").toAbsolutePath();
    private static final Set<String> CORE_ALLOWED = Set.of("core", "core.io");
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.])dev\\.wasmbuild\\.([a-z.]+)\\.[A-Z]");

    @Test
    void packagesFormNoCycleAndUseOnlyCoreErrorsAndFiles() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        List<String> wrong = new ArrayList<>();
        uses.forEach((from, targets) -> {
            for (String to : targets) {
                if (!to.startsWith("server") && !CORE_ALLOWED.contains(to)) {
                    wrong.add(from + " -> " + to);
                }
                if (uses.containsKey(to) && reaches(uses, to, from, new TreeSet<>())) {
                    wrong.add("cycle " + from + " <-> " + to);
                }
            }
        });
        assertTrue(wrong.isEmpty(), "server dependencies outside " + CORE_ALLOWED + ", or cycles: " + wrong);
    }

    @Test
    void startsNoProcessAndNeverMentionsMaven() throws IOException {
        List<String> offenders = new ArrayList<>();
        forEachSource((file, text) -> {
            if (text.contains("ProcessBuilder") || text.contains("Runtime.getRuntime().exec")) {
                offenders.add(file.getFileName() + ": starts a process (use core's ProcessExecutor)");
            }
            if (text.contains("org.apache.maven")) {
                offenders.add(file.getFileName() + ": org.apache.maven");
            }
        });
        assertTrue(offenders.isEmpty(), String.valueOf(offenders));
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String goal, Set<String> seen) {
        if (from.equals(goal)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (reaches(uses, next, goal, seen)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        forEachSource((file, text) -> {
            String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.')
                    .replaceFirst("^dev\\.wasmbuild\\.", "");
            Set<String> targets = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                if (!m.group(1).equals(pkg)) {
                    targets.add(m.group(1));
                }
            }
        });
        return uses;
    }

    private interface SourceVisitor {
        void visit(Path file, String text) throws IOException;
    }

    private static void forEachSource(SourceVisitor visitor) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                visitor.visit(f, Files.readString(f));
            }
        }
    }
}
