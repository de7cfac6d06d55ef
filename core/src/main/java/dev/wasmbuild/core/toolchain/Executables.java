package dev.wasmbuild.core.toolchain;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.ProcessExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PATH look-ups and short version queries, done without a shell. */
final class Executables {
    private Executables() {
    }

    static Optional<Path> onPath(String program, Map<String, String> env) {
        return SearchPath.of(env).find(program);
    }

    /** Runs a quick query (--version and the like); empty when it cannot run or fails. */
    static Optional<String> output(Map<String, String> env, String... command) {
        try {
            ProcessExecutor.Captured c = ProcessExecutor.capture(
                    new Command(List.of(command), Path.of("").toAbsolutePath(), env), Duration.ofSeconds(60));
            return c.succeeded() ? Optional.of(c.output()) : Optional.empty();
        } catch (WasmBuildException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static List<String> words(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                out.add(p);
            }
        }
        return out;
    }
}
