package dev.wasmbuild.core.crossbuild;

import dev.wasmbuild.core.run.RunnerKind;
import dev.wasmbuild.core.site.SiteRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a cross build of one target is made from, as the pom gave it (paths already
 * absolute). {@link CrossBuild#prepare} checks it all before any process starts.
 *
 * @param site the site file request; its disableModules grow by the modules the toolchain cannot build
 * @param buildDirectory the out-of-tree build directory of this target
 * @param toolCache where the build Python, the composed WASI sysroot and the writable emscripten
 *     cache live, shared by every project of this user
 * @param portSources local source trees for emscripten's ports ("zlib", "bzip2")
 * @param processEnvironment the complete environment child processes start from
 * @param userEnvironment the pom's environmentVariables (part of the configure fingerprint)
 */
public record BuildSettings(
        SiteRequest site,
        Path buildDirectory,
        Path toolCache,
        Map<String, Path> portSources,
        boolean dynamicLinking,
        boolean pthreads,
        boolean debug,
        List<String> configureArguments,
        Map<String, String> processEnvironment,
        Map<String, String> userEnvironment,
        String compilerLauncher,
        RunnerKind hostRunner,
        int jobs,
        String pluginVersion) {
}
