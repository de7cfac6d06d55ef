package dev.wasmbuild.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueLoaderTest {
    private static final PythonRelease PY311 = PythonRelease.of(3, 11, 2);
    private static final PythonRelease PY3118 = PythonRelease.of(3, 11, 8);
    private static final PythonRelease PY312 = PythonRelease.of(3, 12, 0);
    private static final PythonRelease PY313 = PythonRelease.of(3, 13, 5);
    private static final PythonRelease PY314 = PythonRelease.of(3, 14, 0);
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
        assertEquals("3.13.15", c.newestKnown(new PythonVersion(3, 13)).orElseThrow().toString());
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
        assertTrue(intConversion.appliesTo(Platform.WASM32_WASI, PY3118));
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

    /** The reference's lists (UPSTREAM-SITE-FILES.md), measured on each release's configure. */
    @Test
    void moduleListsAreWhatEachReleasesConfigureKnows() {
        Catalogue c = CatalogueLoader.loadBundled();
        // setup.py, not configure, builds these in 3.11; asking says so.
        for (String name : List.of("_curses", "_curses_panel", "_dbm", "readline")) {
            assertFalse(c.moduleNamesFor(PY311).contains(name), name);
            assertTrue(c.moduleNote(name, PY311).isPresent(), name);
            assertTrue(c.moduleNamesFor(PY312).contains(name), name);
        }
        assertTrue(c.moduleNamesFor(PY312).contains("xxsubtype"));
        assertFalse(c.moduleNamesFor(PY312).contains("_testsinglephase"));
        for (String name : List.of("_testclinic_limited", "_testexternalinspection", "_testlimitedcapi",
                "_testsinglephase", "xxsubtype")) {
            assertTrue(c.moduleNamesFor(PY313).contains(name), name);
        }
        for (String name : List.of("_hmac", "_remote_debugging", "_testclinic_limited", "_testlimitedcapi", "_types",
                "_zstd", "xxsubtype")) {
            assertTrue(c.moduleNamesFor(PY314).contains(name), name);
        }
        assertFalse(c.moduleNamesFor(PY314).contains("_contextvars"));
        assertFalse(c.moduleNamesFor(PY314).contains("_opcode"));
        assertFalse(c.moduleNamesFor(PY314).contains("_testexternalinspection"));
        // Whole lists where a real tree was measured (py_cv_module_* of PY_STDLIB_MOD in configure).
        assertEquals(MODULES_3_11_2, String.join(" ", c.moduleNamesFor(PY311)));
        assertEquals(MODULES_3_13_5, String.join(" ", c.moduleNamesFor(PY313)));
    }

    private static final String MODULES_3_11_2 = "_asyncio _bisect _blake2 _bz2 _codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr "
            + "_codecs_tw _contextvars _crypt _csv _ctypes_test _datetime _decimal _elementtree _gdbm "
            + "_hashlib _heapq _io _json _lsprof _lzma _md5 _multibytecodec _multiprocessing _opcode "
            + "_pickle _posixshmem _posixsubprocess _queue _random _scproxy _sha1 _sha256 _sha3 _sha512 "
            + "_socket _sqlite3 _ssl _statistics _struct _testbuffer _testcapi _testclinic "
            + "_testimportmultiple _testinternalcapi _testmultiphase _tkinter _typing _uuid "
            + "_xxsubinterpreters _xxtestfuzz _zoneinfo array audioop binascii cmath fcntl grp math mmap "
            + "nis ossaudiodev pwd pyexpat resource select spwd syslog termios time unicodedata xxlimited "
            + "xxlimited_35 zlib";
    private static final String MODULES_3_13_5 = "_asyncio _bisect _blake2 _bz2 _codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr "
            + "_codecs_tw _contextvars _csv _ctypes _ctypes_test _curses _curses_panel _datetime _dbm "
            + "_decimal _elementtree _gdbm _hashlib _heapq _interpchannels _interpqueues _interpreters "
            + "_io _json _lsprof _lzma _md5 _multibytecodec _multiprocessing _opcode _pickle _posixshmem "
            + "_posixsubprocess _queue _random _scproxy _sha1 _sha2 _sha3 _socket _sqlite3 _ssl "
            + "_statistics _struct _testbuffer _testcapi _testclinic _testclinic_limited "
            + "_testexternalinspection _testimportmultiple _testinternalcapi _testlimitedcapi "
            + "_testmultiphase _testsinglephase _tkinter _typing _uuid _xxtestfuzz _zoneinfo array "
            + "binascii cmath fcntl grp math mmap pwd pyexpat readline resource select syslog termios "
            + "time unicodedata xxlimited xxlimited_35 xxsubtype zlib";

    @Test
    void unquotedBooleanValueIsRejectedWithTheFeatureNamed() {
        String yaml = """
                releases: ["3.11.2"]
                features:
                  - id: thing
                    summary: s
                    reason: r
                    platforms: [wasm32-wasi]
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
                releases: ["3.11.2"]
                features:
                  - id: thing
                    summary: s
                    reason: r
                    platforms: [wasm32-wasi]
                    disabledByDefault: []
                    variables:
                      - {var: "ac_cv;rm"}
                """;
        assertThrows(CatalogueException.class, () -> load(yaml));
    }

    @Test
    void unknownTargetAndDuplicateIdsAreRejected() {
        String badTarget = """
                releases: ["3.11.2"]
                features:
                  - {id: a, summary: s, reason: r, platforms: [wasm64], disabledByDefault: [], variables: [{var: x}]}
                """;
        assertTrue(assertThrows(CatalogueException.class, () -> load(badTarget)).getMessage().contains("wasm64"));
        String duplicate = """
                releases: ["3.11.2"]
                features:
                  - {id: a, summary: s, reason: r, platforms: [wasm32-wasi], disabledByDefault: [], variables: [{var: x}]}
                  - {id: a, summary: s, reason: r, platforms: [wasm32-wasi], disabledByDefault: [], variables: [{var: y}]}
                """;
        assertTrue(assertThrows(CatalogueException.class, () -> load(duplicate)).getMessage().contains("twice"));
    }

    @Test
    void cannotEnableOnNeedsAReasonAndTheFeaturesPlatforms() {
        String noReason = """
                releases: ["3.11.2"]
                features:
                  - {id: a, summary: s, reason: r, platforms: [wasm32-wasi], disabledByDefault: [], variables: [{var: x}], cannotEnableOn: [wasm32-wasi]}
                """;
        assertTrue(assertThrows(CatalogueException.class, () -> load(noReason)).getMessage()
                .contains("cannotEnableOn without cannotEnable"));
        String otherPlatform = """
                releases: ["3.11.2"]
                features:
                  - {id: a, summary: s, reason: r, platforms: [wasm32-wasi], disabledByDefault: [], variables: [{var: x}], cannotEnable: why, cannotEnableOn: [wasm32-emscripten]}
                """;
        assertTrue(assertThrows(CatalogueException.class, () -> load(otherPlatform)).getMessage()
                .contains("cannotEnableOn names a platform not in platforms"));
    }

    @Test
    void enabledAnswersMustBeQuotedAndLeftoverKeysAreRejected() {
        String unquoted = """
                releases: ["3.11.2"]
                features:
                  - id: thing
                    summary: s
                    reason: r
                    platforms: [wasm32-wasi]
                    disabledByDefault: []
                    variables:
                      - {var: ac_cv_file__dev_thing, enabled: yes}
                """;
        CatalogueException e = assertThrows(CatalogueException.class, () -> load(unquoted));
        assertTrue(e.getMessage().contains("'enabled' must be a quoted string"), e.getMessage());
        // The old name of platforms: a key left behind must not be ignored silently.
        String oldKey = """
                releases: ["3.11.2"]
                features:
                  - {id: a, summary: s, reason: r, targets: [wasm32-wasi], platforms: [wasm32-wasi], disabledByDefault: [], variables: [{var: x}]}
                """;
        assertTrue(assertThrows(CatalogueException.class, () -> load(oldKey)).getMessage()
                .contains("unknown key 'targets'"));
        String unsorted = """
                releases: ["3.12.0", "3.11.2"]
                features: []
                """;
        assertTrue(assertThrows(CatalogueException.class, () -> load(unsorted)).getMessage().contains("oldest first"));
    }

    @Test
    void enablingAnswersWhereACrossBuildCannotProbe() {
        Catalogue c = CatalogueLoader.loadBundled();
        Feature pty = c.feature("pty").orElseThrow();
        assertEquals(List.of(Map.entry("ac_cv_file__dev_ptmx", "yes"), Map.entry("ac_cv_file__dev_ptc", "no")),
                pty.answersWhenEnabled(Platform.WASM32_EMSCRIPTEN, PY313));
        assertEquals(List.of(Map.entry("ac_cv_buggy_getaddrinfo", "no")),
                c.feature("getaddrinfo").orElseThrow().answersWhenEnabled(Platform.WASM32_WASI, PY311));
        assertTrue(c.feature("readelf").orElseThrow().enableRefusal(Platform.WASM32_WASI).isPresent());
        Feature eventfd = c.feature("eventfd").orElseThrow();
        assertTrue(eventfd.enableRefusal(Platform.WASM32_WASI).orElseThrow().contains("fails to link"));
        assertTrue(eventfd.enableRefusal(Platform.WASM32_EMSCRIPTEN).isEmpty(), "Emscripten links eventfd");
        assertTrue(c.feature("fdopendir").orElseThrow().answersWhenEnabled(Platform.WASM32_WASI, PY311).isEmpty());
    }

    @Test
    void variablePlatformsDefaultToTheFeatures() {
        Catalogue c = load("""
                releases: ["3.11.2"]
                features:
                  - id: a
                    summary: s
                    reason: r
                    platforms: [wasm32-wasi, wasm32-emscripten]
                    disabledByDefault: [wasm32-wasi]
                    variables:
                      - var: x
                      - {var: y, platforms: [wasm32-emscripten], versions: "3.12+"}
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
