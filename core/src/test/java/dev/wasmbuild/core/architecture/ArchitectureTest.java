package dev.wasmbuild.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on its sources: the core's packages form the pipeline in this
 * order and each uses only earlier ones (so there is no cycle); every process starts in the
 * process gateway; the core and the runtime never mention Maven.
 */
class ArchitectureTest {
    /** The pipeline, first to last. A package may depend only on packages before it. */
    static final List<String> ORDER = List.of("core", "core.process", "core.io", "core.shell", "core.catalogue",
            "core.source", "core.site", "core.toolchain", "core.build", "core.run", "core.configure", "core.make",
            "core.buildpython", "core.crossbuild", "core.packaging", "core.regrtest");

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.wasmbuild\\.([a-z.]+)\\.[A-Z]",
            Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])dev\\.wasmbuild\\.([a-z.]+)\\.[A-Z]");

    @Test
    void everyCorePackageIsInThePipelineAndUsesOnlyEarlierOnes() throws IOException {
        Map<String, Set<String>> uses = dependencies(ROOT.resolve("core/src/main/java"));
        Set<String> outside = new TreeSet<>(uses.keySet());
        outside.removeAll(ORDER);
        assertTrue(outside.isEmpty(), "packages outside the pipeline order (add them to ORDER where they belong): "
                + outside);
        Set<String> gone = new TreeSet<>(ORDER);
        gone.removeAll(uses.keySet());
        assertTrue(gone.isEmpty(), "packages in ORDER that no longer exist: " + gone);
        List<String> wrong = new ArrayList<>();
        uses.forEach((from, targets) -> {
            for (String to : targets) {
                if (to.startsWith("core") && ORDER.indexOf(to) >= ORDER.indexOf(from)) {
                    wrong.add(from + " -> " + to);
                }
            }
        });
        assertTrue(wrong.isEmpty(), "dependencies against the pipeline order (or cycles): " + wrong);
    }

    /**
     * The modules beside the core stay in their lanes: the server uses of the core only the shared
     * errors and file helpers, so it does not grow into the build pipeline; the jar compiler reads a
     * finished build and writes a jar, using neither the plugin nor the server. Neither has a
     * package cycle.
     */
    @Test
    void jarCompilerAndServerUseOnlyWhatTheyMay() throws IOException {
        Map<String, Predicate<String>> allowed = Map.of(
                "server", to -> to.startsWith("server") || to.equals("core") || to.equals("core.io"),
                "jar-compiler", to -> !to.equals("maven") && !to.startsWith("maven.") && !to.startsWith("server"));
        List<String> wrong = new ArrayList<>();
        for (var module : new TreeMap<>(allowed).entrySet()) {
            Map<String, Set<String>> uses = dependencies(ROOT.resolve(module.getKey()).resolve("src/main/java"));
            uses.forEach((from, targets) -> {
                for (String to : targets) {
                    if (!module.getValue().test(to)) {
                        wrong.add(module.getKey() + ": " + from + " -> " + to);
                    }
                    if (uses.containsKey(to) && reaches(uses, to, from, new TreeSet<>())) {
                        wrong.add(module.getKey() + ": cycle " + from + " <-> " + to);
                    }
                }
            });
        }
        assertTrue(wrong.isEmpty(), "dependencies out of the module's lane, or cycles: " + wrong);
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

    @Test
    void onlyTheGatewayStartsProcesses() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String module : List.of("core", "jar-compiler", "server", "python-runtime", "maven-plugin")) {
            forEachSource(ROOT.resolve(module).resolve("src/main/java"), (file, text) -> {
                if ((text.contains("ProcessBuilder") || text.contains("Runtime.getRuntime().exec"))
                        && !file.toString().replace('\\', '/').contains("/dev/wasmbuild/core/process/")) {
                    offenders.add(ROOT.relativize(file).toString());
                }
            });
        }
        assertTrue(offenders.isEmpty(), "processes started outside dev.wasmbuild.core.process: " + offenders);
    }

    /** Lines above which a core class must say, in its first comment, why it is that long. */
    static final int LONG_CLASS = 300;

    @Test
    void longCoreClassesSayWhyTheyAreLong() throws IOException {
        List<String> unexplained = new ArrayList<>();
        forEachSource(ROOT.resolve("core/src/main/java"), (file, text) -> {
            long lines = text.lines().count();
            int comment = text.indexOf("/**");
            int type = text.indexOf("\npublic ");
            String first = comment >= 0 && (type < 0 || comment < type) ? text.substring(comment, text.indexOf("*/", comment)) : "";
            if (lines > LONG_CLASS && !first.contains("Long because")) {
                unexplained.add(ROOT.relativize(file) + " (" + lines + " lines)");
            }
        });
        assertTrue(unexplained.isEmpty(), "core classes over " + LONG_CLASS + " lines whose first comment does not"
                + " say \"Long because ...\": " + unexplained);
    }

    @Test
    void coreAndRuntimeNeverMentionMavenNorSpellPomElementsInMessages() throws IOException {
        List<String> offenders = new ArrayList<>();
        Pattern pomElement = Pattern.compile("\"[^\"\\n]*<[a-z][A-Za-z0-9]*>[^\"\\n]*\"");
        for (String module : List.of("core", "jar-compiler", "server", "python-runtime")) {
            forEachSource(ROOT.resolve(module).resolve("src/main/java"), (file, text) -> {
                if (text.contains("org.apache.maven")) {
                    offenders.add(file.getFileName() + ": org.apache.maven");
                }
                Matcher m = pomElement.matcher(text);
                while (m.find()) {
                    String literal = m.group();
                    if (!literal.matches(".*<(testsuite|testcase|error|failure|skipped|system-out|system-err|"
                            + "html|head|script|link)>.*")) {
                        offenders.add(file.getFileName() + ": " + literal);
                    }
                }
            });
        }
        assertTrue(offenders.isEmpty(), "Maven terms in the core (write settings as {name}): " + offenders);
    }

    /**
     * Only the plugin module speaks Maven: the core names a setting through
     * {@code dev.wasmbuild.core.Setting} and a step through {@code Action}, never as a goal
     * ({@code wasm:build}, {@code mvn …}), a user property ({@code -Dwasm.…}), a pom element or a
     * hand-written {@code {name}} reference. Only string literals count: comments may explain.
     */
    @Test
    void coreNamesNoMavenGoalsPropertiesNorHandWrittenSettings() throws IOException {
        List<String> offenders = new ArrayList<>();
        Pattern maven = Pattern.compile("\\bmvn |(?<![\\w.])wasm:[a-z]|-Dwasm\\.");
        forEachSource(ROOT.resolve("core/src/main/java"), (file, text) -> {
            String name = file.getFileName().toString();
            boolean namesTheTerms = name.equals("Setting.java") || name.equals("Action.java");
            for (String literal : stringLiterals(text)) {
                if (maven.matcher(literal).find() || (!namesTheTerms && isSettingReference(literal))) {
                    offenders.add(name + ": \"" + literal + "\"");
                }
            }
        });
        assertTrue(offenders.isEmpty(), "Maven terms or hand-written setting references in the core (use Setting"
                + " and Action): " + offenders);
    }

    @Test
    void theLiteralScannerSeesStringsAndSkipsComments() {
        String source = "// wasm:jar here\n/* mvn x */ String a = \"mvn wasm:build\"; char q = '\"';"
                + " String b = \"say \\\"{outputDirectory}\\\"\"; String c = \"\"\"\n  wasm:jar\n  \"\"\";";
        assertEquals(List.of("mvn wasm:build", "say \\\"{outputDirectory}\\\"", "\n  wasm:jar\n  "),
                stringLiterals(source));
    }

    /** True when a literal spells a known setting as {@code {name}}, or one of Action's references. */
    private static boolean isSettingReference(String literal) {
        if (literal.matches("(?s).*\\{(step|run|set):.*")) {
            return true;
        }
        Matcher m = Pattern.compile("\\{([a-z][A-Za-z0-9]*)}").matcher(literal);
        while (m.find()) {
            for (Setting s : Setting.values()) {
                if (s.neutralName().equals(m.group(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The string literals of a Java source, text blocks included, comments and char literals skipped. */
    static List<String> stringLiterals(String text) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '\'') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                literals.add(text.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '"' && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                literals.add(text.substring(i + 1, Math.min(j, n)));
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    static Map<String, Set<String>> dependencies(Path sources) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        forEachSource(sources, (file, text) -> {
            String pkg = sources.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.')
                    .replaceFirst("^dev\\.wasmbuild\\.", "");
            Set<String> targets = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
            for (Pattern p : List.of(IMPORT, QUALIFIED)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        targets.add(m.group(1));
                    }
                }
            }
        });
        return uses;
    }

    interface SourceVisitor {
        void visit(Path file, String text) throws IOException;
    }

    static void forEachSource(Path root, SourceVisitor visitor) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                visitor.visit(f, Files.readString(f));
            }
        }
    }
}
