package dev.wasmbuild.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.catalogue.CatalogueLoader;
import dev.wasmbuild.core.catalogue.Feature;
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

    static SiteRequest request(String target, List<String> disable, List<String> enable) {
        return new SiteRequest(target, "3.11", null, disable, enable, null, null, null);
    }

    private static List<String> ids(List<Feature> features) {
        return features.stream().map(Feature::id).toList();
    }

    @Test
    void wasiDefaultsMatchUpstream311() throws Exception {
        SitePlan plan = resolver.resolve(request("wasi", null, null));
        assertEquals(List.of("getaddrinfo", "pty", "readelf", "eventfd", "rlimit", "pipe", "unix-sockets", "mkfifo",
                "mknod", "fdopendir"), ids(plan.disabledFeatures()));
        assertEquals(List.of("largefile", "hardlinks", "accept"), ids(plan.enabledFeatures()));
        assertTrue(plan.configureArguments().isEmpty());
    }

    @Test
    void switchesMoveFeaturesBetweenStates() throws Exception {
        SitePlan plan = resolver.resolve(request("wasi", List.of("hardlinks, largefile"), List.of("fdopendir")));
        assertTrue(ids(plan.disabledFeatures()).contains("hardlinks"));
        assertTrue(ids(plan.enabledFeatures()).contains("fdopendir"));
        assertEquals(List.of("--disable-largefile"), plan.configureArguments());
    }

    @Test
    void sameIdInBothListsIsRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver.resolve(request("wasi", List.of("pty"), List.of("pty"))));
        assertEquals("enable", e.setting());
        assertTrue(e.getMessage().contains("both {enable} and {disable}"), e.getMessage());
    }

    @Test
    void unknownFeatureGetsASuggestionAndTheValidIds() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver.resolve(request("emscripten-node", List.of("mknd"), null)));
        assertEquals("disable", e.setting());
        assertTrue(e.getMessage().contains("Did you mean 'mknod'?"), e.getMessage());
        assertTrue(e.getMessage().contains("signals"), e.getMessage());
    }

    @Test
    void featureOfAnotherPlatformIsRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver.resolve(request("wasi", null, List.of("epoll"))));
        assertEquals("enable", e.setting());
        assertTrue(e.getMessage().contains("wasm32-emscripten"), e.getMessage());
    }

    @Test
    void versionComesFromTheSourceTreeAndModulesFromItsConfigure() throws Exception {
        Files.writeString(dir.resolve("configure"),
                "PACKAGE_VERSION='3.12'\nif test \"$py_cv_module_zlib\" ...\npy_cv_module__ctypes=yes\n");
        SiteRequest r = new SiteRequest("wasi", "3.11", dir, null, null, List.of("_ctypes"), null, null);
        SitePlan plan = resolver.resolve(r);
        assertEquals("3.12", plan.version().toString());
        assertTrue(ids(plan.disabledFeatures()).contains("int-conversion"));
        SiteRequest bad = new SiteRequest("wasi", "3.11", dir, null, null, List.of("zlb"), null, null);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver.resolve(bad));
        assertEquals("disableModules", e.setting());
        assertTrue(e.getMessage().contains("Did you mean 'zlib'?"), e.getMessage());
    }

    @Test
    void sourceWithoutConfigureNamesTheElement() {
        SiteRequest r = new SiteRequest("wasi", null, dir, null, null, null, null, null);
        assertEquals("sourceDirectory", assertThrows(ConfigurationException.class, () -> resolver.resolve(r)).setting());
    }

    @Test
    void unsupportedOrMalformedVersionsAreRefused() {
        SiteRequest old = new SiteRequest("wasi", "3.9", null, null, null, null, null, null);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver.resolve(old));
        assertEquals("pythonVersion", e.setting());
        assertTrue(e.getMessage().contains("3.11, 3.12, 3.13, 3.14"), e.getMessage());
        SiteRequest junk = new SiteRequest("wasi", "latest", null, null, null, null, null, null);
        assertEquals("pythonVersion", assertThrows(ConfigurationException.class, () -> resolver.resolve(junk)).setting());
    }

    @Test
    void cacheVariableNamesAreValidated() {
        SiteRequest r = new SiteRequest("wasi", "3.11", null, null, null, null, Map.of("a-b", "no"), null);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver.resolve(r));
        assertEquals("cacheVariables", e.setting());
    }

    @Test
    void missingTemplateIsRefused() {
        SiteRequest r = new SiteRequest("wasi", "3.11", null, null, null, null, null, dir.resolve("nope.ftl"));
        assertEquals("template", assertThrows(ConfigurationException.class, () -> resolver.resolve(r)).setting());
    }
}
