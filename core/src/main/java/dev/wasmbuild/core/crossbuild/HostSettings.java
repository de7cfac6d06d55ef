package dev.wasmbuild.core.crossbuild;

import dev.wasmbuild.core.run.RunnerKind;
import java.nio.file.Path;
import java.util.Map;

/**
 * The machine's side of a build.
 *
 * @param toolCache where the build Python, the composed WASI sysroot and the writable emscripten
 *     cache live, shared by every project of this user
 * @param processEnvironment the complete environment child processes start from
 * @param userEnvironment the user's own variables (part of the configure fingerprint)
 * @param runner the runner asked for (auto resolved by the plan)
 */
public record HostSettings(Path toolCache, Map<String, String> processEnvironment,
        Map<String, String> userEnvironment, RunnerKind runner) {
}
