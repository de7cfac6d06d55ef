package dev.wasmbuild.core.buildpython;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.Hashing;
import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.ProcessExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a build Python works, checked two ways. Its size and SHA-256, recorded in the
 * completion marker when it was built, must still match: a binary cut short can still start and
 * answer (the pages a short run needs may lie before the cut) and crash later in make. And it is
 * started the way configure will start it (with {@code -c}, so the interpreter initialises and
 * imports its standard library) and must print the version the source's Include/patchlevel.h
 * names, which also catches a source tree that moved away. Together about 0.1 s, instead of a
 * configure failing with "has incompatible version", which points nowhere near the cache.
 */
final class BuildPythonCheck {
    /** A working interpreter answers in well under a second; a hung one must not stall the build. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern PY_VERSION = Pattern.compile("(?m)^#define\\s+PY_VERSION\\s+\"([^\"]+)\"");
    private static final String RECORD = "python ";
    private static final Pattern RECORDED = Pattern.compile("(?m)^" + RECORD + "(\\d+) ([0-9a-f]{64})$");
    private static final String PROGRAM = "import sys; print(sys.version.split()[0])";

    private BuildPythonCheck() {
    }

    /** The marker line that records {@code python}'s size and SHA-256, written once it is built. */
    static String record(Path python) throws IOException {
        return RECORD + Files.size(python) + " " + Hashing.file(python);
    }

    /**
     * @param marker the completion marker's text; one written before checksums were recorded has
     *     no record line, and then only the run decides
     * @return null when {@code python} matches the record and {@link #run runs}, else why not
     */
    static String problem(Path python, String marker, Path source, Map<String, String> environment)
            throws InterruptedException {
        Matcher recorded = RECORDED.matcher(marker);
        if (recorded.find()) {
            try {
                long size = Files.size(python);
                if (size != Long.parseLong(recorded.group(1))) {
                    return "it is " + size + " bytes, but was " + recorded.group(1) + " when it was built";
                }
                if (!Hashing.file(python).equals(recorded.group(2))) {
                    return "its SHA-256 differs from the one recorded when it was built (overwritten)";
                }
            } catch (IOException e) {
                return "it cannot be read: " + e;
            }
        }
        return run(python, source, environment);
    }

    /**
     * @param source the CPython source tree the build Python was built from
     * @return null when {@code python} runs and reports the source's version, else why not (for the log)
     */
    static String run(Path python, Path source, Map<String, String> environment) throws InterruptedException {
        String expected = expectedVersion(source);
        ProcessExecutor.Captured run;
        try {
            run = ProcessExecutor.capture(new Command(List.of(python.toString(), "-c", PROGRAM), python.getParent(),
                    environment), TIMEOUT);
        } catch (WasmBuildException e) {
            return e.getMessage();
        }
        String output = run.output();
        if (!run.succeeded()) {
            int code = run.exitCode();
            // Java reports a child killed by signal N as 128 + N; a truncated binary dies of SIGSEGV (11).
            String how = code > 128 && code < 160 ? "was killed by signal " + (code - 128) : "exited with code " + code;
            return "it " + how + (output.isEmpty() ? "" : ": " + lastLine(output));
        }
        String reported = lastLine(output);
        if (reported.isEmpty()) {
            return "it printed no version" + (expected == null ? "" : " (expected " + expected + ")");
        }
        if (expected != null ? !reported.equals(expected) : !reported.matches("\\d+\\.\\d+.*")) {
            return "it reports version '" + reported + "'" + (expected == null ? ""
                    : ", but the source's Include/patchlevel.h says " + expected);
        }
        return null;
    }

    /** PY_VERSION of the source, or null if it cannot be read (then any version-like answer is accepted). */
    static String expectedVersion(Path source) {
        try {
            Matcher m = PY_VERSION.matcher(Files.readString(source.resolve("Include/patchlevel.h"),
                    StandardCharsets.ISO_8859_1));
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String lastLine(String output) {
        String trimmed = output.strip();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1).strip();
    }
}
