package dev.wasmbuild.core.configure;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * When only the site file changed since the last configure: keep config.cache, less the
 * answers the change can reach, so that configure -C asks only those again. configure sources
 * CONFIG_SITE first and loads config.cache after it, so a cached answer beats the site file:
 * every variable the site file added, removed or changed must go, and with it every cached
 * answer that was worked out from it ({@link CacheDependencies}).
 */
final class SiteFlip {
    /** A copy of the site file the build directory was last configured with. */
    static final String LAST_SITE = ".wasm-configure.site";

    private SiteFlip() {
    }

    /** What was done, for the log; or why configure must start from scratch. */
    record Outcome(boolean kept, String message) {
    }

    static Outcome keepCache(Path source, Path buildDirectory, Path siteFile)
            throws WasmBuildException, InterruptedException {
        Path cache = buildDirectory.resolve("config.cache");
        Path last = buildDirectory.resolve(LAST_SITE);
        if (!Files.isRegularFile(cache) || !Files.isRegularFile(last)) {
            return new Outcome(false, "there is no config.cache or no copy of the last site file to compare with");
        }
        Map<String, String> before = SiteVariables.sourced(last, buildDirectory);
        Map<String, String> after = SiteVariables.sourced(siteFile, buildDirectory);
        Set<String> changed = SiteVariables.changed(before, after);
        for (String name : changed) {
            if (!name.contains("_cv_")) {
                return new Outcome(false, "it sets " + name + ", which is not a cache variable");
            }
        }
        String script;
        try {
            script = Files.readString(source.resolve("configure"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot read " + source.resolve("configure") + " (" + Setting.SOURCE_DIRECTORY + " or"
                    + " " + Setting.SOURCE_ARCHIVE + ")", e);
        }
        try {
            CacheDependencies deps = CacheDependencies.of(script).orElse(null);
            if (deps == null) {
                return new Outcome(false, "the configure script is not laid out as autoconf lays it out");
            }
            CacheDependencies.Answer answer = deps.affectedBy(changed);
            if (!answer.known()) {
                return new Outcome(false, "cannot tell what depends on " + String.join(", ", changed) + ": "
                        + answer.unknown());
            }
            if (changed.isEmpty()) {
                return new Outcome(true, "site file changed, but none of the variables it sets did: configure -C"
                        + " reuses every cached answer");
            }
            Set<String> dropped = ConfigCache.drop(cache, answer.affected());
            return new Outcome(true, "site file changed (" + String.join(", ", changed) + "): " + dropped.size()
                    + " cache entries dropped (" + String.join(", ", dropped) + "); configure -C recomputes them");
        } catch (IOException e) {
            throw WasmBuildException.io("cannot update " + cache, Setting.OUTPUT_DIRECTORY, e);
        }
    }

    /** Remembers the site file a configure run succeeded with. */
    static void remember(Path siteFile, Path buildDirectory) throws IOException {
        Files.copy(siteFile, buildDirectory.resolve(LAST_SITE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
