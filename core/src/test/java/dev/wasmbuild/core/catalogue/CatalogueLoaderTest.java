package dev.wasmbuild.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueLoaderTest {
    private static final PythonVersion PY311 = new PythonVersion(3, 11);
    private static final PythonVersion PY312 = new PythonVersion(3, 12);
    private static final String MODULES = "modules:\n  - {name: zlib}\n";

    @Test
    void bundledCatalogueHasTheFeaturesTheIssueNames() {
        Catalogue c = CatalogueLoader.loadBundled();
        for (String id : List.of("mknod", "mkfifo", "pread", "largefile", "hardlinks", "pty", "unix-sockets",
                "socketpair", "shutdown", "accept", "signals", "priority", "rlimit", "uid", "groups", "posix-spawn",
                "eventfd", "memfd", "epoll", "vm-sockets", "pipe", "pipe2", "fdopendir", "utimensat", "ioctl",
                "faccessat", "symlinkat", "lchmod-lchown", "fallocate", "chmod", "statvfs", "getaddrinfo", "readelf")) {
            assertTrue(c.feature(id).isPresent(), "missing feature " + id);
        }
        assertEquals(List.of("3.11", "3.12", "3.13", "3.14"), c.versions().stream().map(Object::toString).toList());
    }

    @Test
    void acceptIsOnByDefaultAndHardlinksOnlyOffForEmscripten() {
        Catalogue c = CatalogueLoader.loadBundled();
        Feature accept = c.feature("accept").orElseThrow();
        assertFalse(accept.disabledByDefaultOn(Platform.WASM32_WASI));
        Feature links = c.feature("hardlinks").orElseThrow();
        assertTrue(links.disabledByDefaultOn(Platform.WASM32_EMSCRIPTEN));
        assertFalse(links.disabledByDefaultOn(Platform.WASM32_WASI));
    }

    @Test
    void variablesFollowTheirVersionRanges() {
        Feature intConversion = CatalogueLoader.loadBundled().feature("int-conversion").orElseThrow();
        assertFalse(intConversion.appliesTo(Platform.WASM32_WASI, PY311));
        assertTrue(intConversion.appliesTo(Platform.WASM32_WASI, PY312));
        assertEquals("yes", intConversion.variablesFor(Platform.WASM32_WASI, PY312).get(0).value());
    }

    @Test
    void modulesFollowTheirVersionRanges() {
        Catalogue c = CatalogueLoader.loadBundled();
        assertTrue(c.moduleNamesFor(PY311).contains("_sha256"));
        assertFalse(c.moduleNamesFor(PY312).contains("_sha256"));
        assertTrue(c.moduleNamesFor(PY312).contains("_ctypes"));
    }

    @Test
    void unquotedBooleanValueIsRejectedWithTheFeatureNamed() {
        String yaml = """
                versions: ["3.11"]
                features:
                  - id: thing
                    summary: s
                    reason: r
                    targets: [wasm32-wasi]
                    disabledByDefault: []
                    variables:
                      - {var: ac_cv_func_thing, value: no}
                """;
        CatalogueException e = assertThrows(CatalogueException.class, () -> load(yaml));
        assertTrue(e.getMessage().contains("feature 'thing'"), e.getMessage());
        assertTrue(e.getMessage().contains("quoted string"), e.getMessage());
    }

    @Test
    void invalidVariableNameIsRejected() {
        String yaml = """
                versions: ["3.11"]
                features:
                  - id: thing
                    summary: s
                    reason: r
                    targets: [wasm32-wasi]
                    disabledByDefault: []
                    variables:
                      - {var: "ac_cv;rm"}
                """;
        assertThrows(CatalogueException.class, () -> load(yaml));
    }

    @Test
    void unknownTargetAndDuplicateIdsAreRejected() {
        String badTarget = """
                versions: ["3.11"]
                features:
                  - {id: a, summary: s, reason: r, targets: [wasm64], disabledByDefault: [], variables: [{var: x}]}
                """;
        assertTrue(assertThrows(CatalogueException.class, () -> load(badTarget)).getMessage().contains("wasm64"));
        String duplicate = """
                versions: ["3.11"]
                features:
                  - {id: a, summary: s, reason: r, targets: [wasm32-wasi], disabledByDefault: [], variables: [{var: x}]}
                  - {id: a, summary: s, reason: r, targets: [wasm32-wasi], disabledByDefault: [], variables: [{var: y}]}
                """;
        assertTrue(assertThrows(CatalogueException.class, () -> load(duplicate)).getMessage().contains("twice"));
    }

    @Test
    void variableTargetsDefaultToTheFeatures() {
        Catalogue c = load("""
                versions: ["3.11"]
                features:
                  - id: a
                    summary: s
                    reason: r
                    targets: [wasm32-wasi, wasm32-emscripten]
                    disabledByDefault: [wasm32-wasi]
                    variables:
                      - var: x
                      - {var: y, targets: [wasm32-emscripten], versions: "3.12+"}
                """);
        CacheVariable x = c.features().get(0).variables().get(0);
        assertEquals(Set.of(Platform.WASM32_WASI, Platform.WASM32_EMSCRIPTEN), x.platforms());
        assertEquals("no", x.value());
        assertEquals("3.12+", c.features().get(0).variables().get(1).versions().toString());
    }

    private static Catalogue load(String features) {
        return CatalogueLoader.load(new ByteArrayInputStream(features.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(MODULES.getBytes(StandardCharsets.UTF_8)));
    }
}
