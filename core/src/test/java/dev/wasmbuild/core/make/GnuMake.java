package dev.wasmbuild.core.make;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.ProcessExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The host's GNU make on a small Makefile shaped like CPython's, for the make-file tests. */
final class GnuMake {
    private GnuMake() {
    }

    static ProcessExecutor.Captured make(Path dir, List<String> args, String goal) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("make"));
        cmd.addAll(args);
        cmd.add(goal);
        ProcessExecutor.Captured r = ProcessExecutor.capture(new Command(cmd, dir,
                Map.of("PATH", "/usr/bin:/bin")), Duration.ofSeconds(30));
        assertTrue(r.succeeded(), r.output());
        return r;
    }

    /** The line make printed for the recipe that writes this file. */
    static String line(String out, String file) {
        return out.lines().filter(l -> l.contains("-o " + file)).findFirst().orElseThrow(() ->
                new AssertionError("no line for " + file + " in:\n" + out));
    }
}
