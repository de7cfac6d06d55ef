package dev.wasmbuild.core.site;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.catalogue.CatalogueLoader;
import dev.wasmbuild.core.catalogue.Feature;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.source.CPythonSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteResolverTest {
    private final SiteResolver resolver = new SiteResolver(CatalogueLoader.loadBundled());

    @TempDir
    Path dir;

    static SiteRequest request(Target target, List<String> disable, List<String> enable) {
        return new SiteRequest(target, null, "3.11.2", disable, enable, null, null, null);
    }

    private static List<String> ids(List<Feature> features) {
        return features.stream().map(Feature::id).toList();
    }

    @Test
    void wasiDefaultsMatchUpstream311() throws Exception {
        SitePlan plan = resolver.resolve(request(Target.WASI, null, null));
        assertEquals(List.of("getaddrinfo", "pty", "readelf", "eventfd", "rlimit", "pipe", "unix-sockets", "mkfifo",
                "mknod", "fdopendir"), ids(plan.disabledFeatures()));
        assertEquals(List.of("largefile", "hardlinks", "accept"), ids(plan.enabledFeatures()));
        assertTrue(plan.configureArguments().isEmpty());
    }

    @Test
    void switchesMoveFeaturesBetweenStates() throws Exception {
        SitePlan plan = resolver.resolve(request(Target.WASI, List.of("hardlinks, largefile"), List.of("fdopendir")));
        assertTrue(ids(plan.disabledFeatures()).contains("hardlinks"));
        assertTrue(ids(plan.enabledFeatures()).contains("fdopendir"));
        assertEquals(List.of("--disable-largefile"), plan.configureArguments());
    }

    @Test
    void sameIdInBothListsIsRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver.resolve(request(Target.WASI, List.of("pty"), List.of("pty"))));
        assertEquals(Setting.ENABLE, e.setting());
        assertTrue(e.getMessage().contains("both {enable} and {disable}"), e.getMessage());
    }

    @Test
    void unknownFeatureGetsASuggestionAndTheValidIds() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver.resolve(request(Target.EMSCRIPTEN_NODE, List.of("mknd"), null)));
        assertEquals(Setting.DISABLE, e.setting());
        assertTrue(e.getMessage().contains("Did you mean 'mknod'?"), e.getMessage());
        assertTrue(e.getMessage().contains("signals"), e.getMessage());
    }

    @Test
    void featureOfAnotherPlatformIsRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver.resolve(request(Target.WASI, null, List.of("epoll"))));
        assertEquals(Setting.ENABLE, e.setting());
        assertTrue(e.getMessage().contains("wasm32-emscripten"), e.getMessage());
    }

    @Test
    void versionComesFromTheSourceTreeAndModulesFromItsConfigure() throws Exception {
        Files.writeString(dir.resolve("configure"), "PACKAGE_VERSION='3.12'\n"
                + "        if test \"$py_cv_module_zlib\" != \"n/a\"; then :\n"
                + "        if test \"$py_cv_module__ctypes\" != \"n/a\"; then :\n"
                + "    py_cv_module_nis=n/a\n");
        Files.createDirectories(dir.resolve("Include"));
        Files.writeString(dir.resolve("Include/patchlevel.h"), "#define PY_VERSION              \"3.12.3\"\n");
        SiteRequest r = new SiteRequest(Target.WASI, CPythonSource.open(dir, Setting.SOURCE_DIRECTORY), "3.11", null, null, List.of("_ctypes"), null, null);
        SitePlan plan = resolver.resolve(r);
        assertEquals("3.12.3", plan.release().toString());
        assertEquals("PY_VERSION in " + dir.resolve("Include/patchlevel.h"), plan.versionSource());
        assertTrue(ids(plan.disabledFeatures()).contains("int-conversion"));
        assertTrue(ids(plan.disabledFeatures()).contains("pread"));
        // nis is only set to n/a there, not a module configure switches.
        SiteRequest nis = new SiteRequest(Target.WASI, CPythonSource.open(dir, Setting.SOURCE_DIRECTORY), null, null, null, List.of("nis"), null, null);
        assertTrue(assertThrows(ConfigurationException.class, () -> resolver.resolve(nis)).getMessage()
                .contains("unknown extension module 'nis' for CPython 3.12.3."));
        SiteRequest bad = new SiteRequest(Target.WASI, CPythonSource.open(dir, Setting.SOURCE_DIRECTORY), "3.11", null, null, List.of("zlb"), null, null);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver.resolve(bad));
        assertEquals(Setting.DISABLE_MODULES, e.setting());
        assertTrue(e.getMessage().contains("Did you mean 'zlib'?"), e.getMessage());
    }

    @Test
    void sourceWithoutPatchLevelIsRefusedByName() throws Exception {
        Files.writeString(dir.resolve("configure"), "PACKAGE_VERSION='3.12'\n");
        SiteRequest r = new SiteRequest(Target.WASI, CPythonSource.open(dir, Setting.SOURCE_DIRECTORY), null, null, null, null, null, null);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver.resolve(r));
        assertEquals(Setting.SOURCE_DIRECTORY, e.setting());
        assertTrue(e.getMessage().contains("Include/patchlevel.h has no #define PY_VERSION"), e.getMessage());
    }

    @Test
    void enablingAFeatureWithAnUnrunnableProbeWritesTheAnswer() throws Exception {
        ConfigSiteGenerator generator = new ConfigSiteGenerator(CatalogueLoader.loadBundled(), "test");
        String text = generator.render(generator.plan(request(Target.WASI, null, List.of("pty", "getaddrinfo"))));
        assertTrue(text.contains("\nac_cv_file__dev_ptmx='yes'\n"), text);
        assertTrue(text.contains("\nac_cv_file__dev_ptc='no'\n"), text);
        assertTrue(text.contains("\nac_cv_buggy_getaddrinfo='no'\n"), text);
        String emscripten = generator.render(generator.plan(request(Target.EMSCRIPTEN_NODE, null, List.of("pty"))));
        assertTrue(emscripten.contains("\nac_cv_file__dev_ptmx='yes'\n"), emscripten);
        // openpty and forkpty can be probed (a link test), so they are left to configure.
        assertFalse(emscripten.contains("ac_cv_func_openpty"), emscripten);
    }

    @Test
    void aFeatureThatCannotBeEnabledIsRefusedWithTheReason() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver.resolve(request(Target.WASI, null, List.of("readelf"))));
        assertEquals(Setting.ENABLE, e.setting());
        assertTrue(e.getMessage().startsWith("feature 'readelf' cannot be enabled for wasm32-wasi"
                + " (CPython 3.11.2): CPython 3.11's configure stops"), e.getMessage());
    }

    @Test
    void aFeatureRefusedOnOnePlatformIsEnabledOnTheOther() throws Exception {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver.resolve(request(Target.WASI, null, List.of("eventfd"))));
        assertEquals(Setting.ENABLE, e.setting());
        assertTrue(e.getMessage().startsWith("feature 'eventfd' cannot be enabled for wasm32-wasi"
                + " (CPython 3.11.2): wasi-libc declares eventfd"), e.getMessage());
        ConfigSiteGenerator generator = new ConfigSiteGenerator(CatalogueLoader.loadBundled(), "test");
        String emscripten = generator.render(generator.plan(request(Target.EMSCRIPTEN_NODE, null, List.of("eventfd"))));
        assertFalse(emscripten.contains("ac_cv_func_eventfd"), "enabled: left to configure's probe\n" + emscripten);
    }

    @Test
    void aFeatureOfAnotherReleaseSaysWhenItExists() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver.resolve(request(Target.WASI, List.of("int-conversion"), null)));
        assertEquals(Setting.DISABLE, e.setting());
        assertTrue(e.getMessage().startsWith("feature 'int-conversion' is not in CPython 3.11.2's site"
                + " files for wasm32-wasi; it appears in 3.11.8. Features for wasm32-wasi (CPython 3.11.2): "),
                e.getMessage());
        SiteRequest later = new SiteRequest(Target.WASI, null, "3.13", List.of("readelf"), null, null, null, null);
        assertTrue(assertThrows(ConfigurationException.class, () -> resolver.resolve(later)).getMessage()
                .startsWith("feature 'readelf' is not in CPython 3.13.15's site files for wasm32-wasi;"
                        + " the site files have it up to CPython 3.11."));
    }

    @Test
    void aModuleSetupPyBuildsIsRefusedWithTheReason() {
        SiteRequest r = new SiteRequest(Target.WASI, null, "3.11", null, null, List.of("readline"), null, null);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver.resolve(r));
        assertEquals(Setting.DISABLE_MODULES, e.setting());
        assertEquals("'readline' cannot be switched off in the site file for CPython 3.11.9:"
                + " setup.py builds it in CPython 3.11, not configure; from 3.12 configure switches it;"
                + " py_cv_module_readline would change nothing.", e.getMessage());
        SiteRequest r312 = new SiteRequest(Target.WASI, null, "3.12", null, null, List.of("readline"), null, null);
        assertDoesNotThrow(() -> resolver.resolve(r312));
        SiteRequest r313 = new SiteRequest(Target.WASI, null, "3.13", null, null, List.of("_testlimitedcapi"), null, null);
        assertDoesNotThrow(() -> resolver.resolve(r313));
    }

    @Test
    void sourceWithoutConfigureNamesTheElement() {
        assertEquals(Setting.SOURCE_DIRECTORY, assertThrows(ConfigurationException.class,
                () -> CPythonSource.open(dir, Setting.SOURCE_DIRECTORY)).setting());
    }

    @Test
    void unsupportedOrMalformedVersionsAreRefused() {
        SiteRequest old = new SiteRequest(Target.WASI, null, "3.9", null, null, null, null, null);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver.resolve(old));
        assertEquals(Setting.PYTHON_VERSION, e.setting());
        assertTrue(e.getMessage().contains("3.11, 3.12, 3.13, 3.14"), e.getMessage());
        for (String junk : List.of("latest", "3", "3.13.x", "3.13.5.1")) {
            SiteRequest r = new SiteRequest(Target.WASI, null, junk, null, null, null, null, null);
            ConfigurationException bad = assertThrows(ConfigurationException.class, () -> resolver.resolve(r));
            assertEquals("'" + junk + "' is not a CPython version; write a minor version (3.13: its"
                    + " newest release the catalogue knows) or a release (3.13.5); supported versions: 3.11, 3.12,"
                    + " 3.13, 3.14", bad.getMessage());
        }
    }

    @Test
    void cacheVariableNamesAreValidated() {
        SiteRequest r = new SiteRequest(Target.WASI, null, "3.11", null, null, null, Map.of("a-b", "no"), null);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver.resolve(r));
        assertEquals(Setting.CACHE_VARIABLES, e.setting());
    }

    @Test
    void missingTemplateIsRefused() {
        SiteRequest r = new SiteRequest(Target.WASI, null, "3.11", null, null, null, null, dir.resolve("nope.ftl"));
        assertEquals(Setting.TEMPLATE, assertThrows(ConfigurationException.class, () -> resolver.resolve(r)).setting());
    }
}
