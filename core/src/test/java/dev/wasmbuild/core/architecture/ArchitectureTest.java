package dev.wasmbuild.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The shape of the code, checked on its sources: the core's packages form the pipeline in this
 * order and each uses only earlier ones (so there is no cycle); every process starts in the
 * process gateway; the core and the runtime never mention Maven.
 */
class ArchitectureTest {
    /** The pipeline, first to last. A package may depend only on packages before it. */
    static final List<String> ORDER = List.of("core", "core.process", "core.io", "core.shell", "core.catalogue",
            "core.source", "core.site", "core.toolchain", "core.launch", "core.configure", "core.make",
            "core.buildpython", "core.crossbuild", "core.packaging", "core.run", "core.regrtest");

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.wasmbuild\\.([a-z.]+)\\.[A-Z]",
            Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])dev\\.wasmbuild\\.([a-z.]+)\\.[A-Z]");

    @Test
    void everyCorePackageIsInThePipelineAndUsesOnlyEarlierOnes() throws IOException {
        Map<String, Set<String>> uses = dependencies(ROOT.resolve("core/src/main/java"));
        assertEquals(new TreeSet<>(ORDER), new TreeSet<>(uses.keySet()), "packages not in ORDER, or gone");
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
