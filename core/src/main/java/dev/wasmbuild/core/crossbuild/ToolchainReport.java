package dev.wasmbuild.core.crossbuild;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.catalogue.PythonRelease;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.run.HostRunners;
import dev.wasmbuild.core.run.RunnerKind;
import dev.wasmbuild.core.toolchain.Fitness;
import dev.wasmbuild.core.toolchain.Toolchain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the toolchain report says: the toolchain a target would be built with, what each
 * CPython release says about it, and the runner that would run the build. It lives with the
 * build because it answers "how would this be built".
 */
public final class ToolchainReport {
    private ToolchainReport() {
    }

    /**
     * @param releases the CPython releases to judge the toolchain for
     * @param requested the runner setting, resolved here as a build would
     */
    public static List<String> lines(Target target, Toolchain toolchain, List<PythonRelease> releases,
            RunnerKind requested, Map<String, String> environment) throws ConfigurationException {
        List<String> lines = new ArrayList<>(toolchain.describe());
        for (PythonRelease python : releases) {
            Fitness fitness = toolchain.fitnessFor(python);
            fitness.describe().forEach(line -> lines.add("  " + line));
            if (!fitness.siteAnswers().isEmpty()) {
                lines.add("  CPython " + python + ": site-file answers: " + fitness.siteAnswers());
            }
            if (!fitness.compilerFlags().isEmpty()) {
                lines.add("  CPython " + python + ": CFLAGS gets: " + String.join(" ", fitness.compilerFlags()));
            }
        }
        if (target != Target.EMSCRIPTEN_BROWSER) {
            lines.add("Runner: " + lower(new HostRunners(environment).resolve(requested, target)) + " (runner "
                    + lower(requested) + ")");
        }
        return lines;
    }

    private static String lower(RunnerKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
