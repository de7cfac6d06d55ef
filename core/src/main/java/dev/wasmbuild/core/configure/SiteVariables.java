package dev.wasmbuild.core.configure;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.ProcessExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The variables a site file sets, as configure sees them: /bin/sh sources it with every
 * assignment exported, in an empty environment, and whatever sourcing /dev/null alone
 * exports (PWD and the like) is left out. The file's path is passed as $1, never spliced
 * into the script.
 */
final class SiteVariables {
    private static final String END = "wasm-site-variables-end";
    /** env -0 lists every value whole; the marker after it keeps the last one safe from output trimming. */
    private static final String SCRIPT = "set -a; . \"$1\" || exit 97; env -0 && printf %s " + END;

    private SiteVariables() {
    }

    static Map<String, String> sourced(Path siteFile, Path directory) throws WasmBuildException, InterruptedException {
        Map<String, String> all = exported(siteFile.toAbsolutePath().toString(), directory);
        exported("/dev/null", directory).forEach((k, v) -> all.remove(k, v));
        return all;
    }

    /** The names whose value differs between two sourced files, including those only one sets. */
    static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeIf(n -> before.containsKey(n) && after.containsKey(n) && before.get(n).equals(after.get(n)));
        return names;
    }

    private static Map<String, String> exported(String file, Path directory)
            throws WasmBuildException, InterruptedException {
        Command cmd = new Command(List.of("/bin/sh", "-c", SCRIPT, "sh", file), directory, Map.of());
        ProcessExecutor.Captured r = ProcessExecutor.capture(cmd, Duration.ofMinutes(1));
        if (!r.succeeded()) {
            throw new WasmBuildException("cannot read the variables of " + file + ": /bin/sh exited with "
                    + r.exitCode() + (r.output().isEmpty() ? "" : ": " + r.output()));
        }
        if (!r.output().endsWith(END)) {
            throw new WasmBuildException("cannot read the variables of " + file + ": the listing is incomplete");
        }
        Map<String, String> vars = new TreeMap<>();
        for (String entry : r.output().split("\0")) {
            if (entry.isEmpty() || entry.equals(END)) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                // stderr is merged into the output: a message there is no variable.
                throw new WasmBuildException("cannot read the variables of " + file + ": sourcing it printed '"
                        + entry.strip() + "'");
            }
            vars.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return vars;
    }
}
