package dev.wasmbuild.core.crossbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.configure.BuildOptions;
import dev.wasmbuild.core.run.RunnerKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project path with a space is reached through an alias in the tool cache; the tool cache
 * itself has no alias, so a space there is refused, naming toolCache and saying why.
 */
class ToolCachePathTest {
    @TempDir
    Path dir;

    private static BuildRequest withToolCache(Path toolCache, Path buildDirectory) {
        return new BuildRequest(null, buildDirectory, new BuildOptions(false, false, false, List.of(), 1, null, Map.of()),
                new HostSettings(toolCache, Map.of(), Map.of(), RunnerKind.NODE), "0.0.0-test");
    }

    @Test
    void aToolCacheWithASpaceIsRefusedNamingToolCache() {
        Path cache = dir.resolve("my cache");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> BuildPlan.aliases(withToolCache(cache, dir.resolve("build"))));
        assertEquals(Setting.TOOL_CACHE, e.setting());
        assertTrue(e.getMessage().startsWith(cache + " contains space: "), e.getMessage());
        assertTrue(e.getMessage().contains("make splits on spaces") && e.getMessage().contains("set {toolCache} to"),
                e.getMessage());
    }

    @Test
    void aPlainToolCacheKeepsTheAliasesOfSpacedProjectPathsInside() throws Exception {
        Path cache = dir.resolve("cache");
        Path project = dir.resolve("my project/target/wasm/wasi");
        Path alias = BuildPlan.aliases(withToolCache(cache, project)).aliasFor(project);
        assertTrue(alias.startsWith(cache.resolve("paths")), alias.toString());
        assertFalse(alias.toString().contains(" "), alias.toString());
    }
}
