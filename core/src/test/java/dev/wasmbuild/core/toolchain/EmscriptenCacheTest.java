package dev.wasmbuild.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writable emscripten cache: one per installation, copied once, and ports seeded from
 * local source trees with the marker emscripten checks (.emscripten_url holding the port's URL).
 */
class EmscriptenCacheTest {
    @TempDir
    Path dir;
    Path installedCache;
    Path zlib;
    final List<String> log = new ArrayList<>();
    static final EmscriptenPort PORT = new EmscriptenPort("zlib", "https://example.invalid/zlib-1.2.11.zip",
            "zlib-1.2.11");

    @BeforeEach
    void trees() throws Exception {
        installedCache = Files.createDirectories(dir.resolve("emscripten/cache/sysroot/lib"));
        Files.writeString(installedCache.resolve("libc.a"), "lib");
        installedCache = dir.resolve("emscripten/cache");
        zlib = Files.createDirectories(dir.resolve("zlib-src"));
        Files.writeString(zlib.resolve("zlib.h"), "/* zlib */");
    }

    private EmscriptenCache cache() {
        return new EmscriptenCache(dir.resolve("tool-cache"), dir.resolve("emscripten"), "3.1.6", installedCache);
    }

    @Test
    void oneDirectoryPerInstallationAndVersion() {
        Path a = cache().directory();
        assertEquals(a, cache().directory());
        assertTrue(a.startsWith(dir.resolve("tool-cache")), a.toString());
        assertTrue(a.getParent().getFileName().toString().startsWith("3.1.6-"), a.toString());
        assertNotEquals(a, new EmscriptenCache(dir.resolve("tool-cache"), dir.resolve("other"), "3.1.6",
                installedCache).directory());
        assertNotEquals(a, new EmscriptenCache(dir.resolve("tool-cache"), dir.resolve("emscripten"), "3.1.19",
                installedCache).directory());
    }

    @Test
    void copiesTheInstalledCacheOnce() throws Exception {
        EmscriptenCache cache = cache();
        cache.ensureCopied(log::add);
        assertEquals("lib", Files.readString(cache.directory().resolve("sysroot/lib/libc.a")));
        assertEquals(1, log.size());
        // A complete copy is not made again, even when the installation changed meanwhile.
        Files.writeString(installedCache.resolve("sysroot/lib/libc.a"), "changed");
        cache.ensureCopied(log::add);
        assertEquals("lib", Files.readString(cache.directory().resolve("sysroot/lib/libc.a")));
        assertEquals(1, log.size());
    }

    @Test
    void seedingPutsTheSourceWhereTheDownloadWouldGoWithTheUrlMarker() throws Exception {
        EmscriptenCache cache = cache();
        cache.ensureCopied(log::add);
        cache.seedPort(PORT, zlib, log::add);
        Path port = cache.directory().resolve("ports/zlib");
        assertEquals("/* zlib */", Files.readString(port.resolve("zlib-1.2.11/zlib.h")));
        assertEquals(PORT.url(), Files.readString(port.resolve(".emscripten_url")).trim());
    }

    @Test
    void seedingAgainWithTheSameSourceAndUrlLeavesThePortAlone() throws Exception {
        EmscriptenCache cache = cache();
        cache.seedPort(PORT, zlib, log::add);
        Path builds = Files.createDirectories(cache.directory().resolve("ports-builds/zlib"));
        log.clear();
        cache.seedPort(PORT, zlib, log::add);
        assertTrue(log.isEmpty(), log.toString());
        assertTrue(Files.isDirectory(builds), "the built library of the same seed is kept");
    }

    @Test
    void anotherSourceTreeReseedsAndDropsTheLibraryBuiltFromTheOldOne() throws Exception {
        EmscriptenCache cache = cache();
        cache.seedPort(PORT, zlib, log::add);
        Path builds = Files.createDirectories(cache.directory().resolve("ports-builds/zlib"));
        Path other = Files.createDirectories(dir.resolve("zlib-other"));
        Files.writeString(other.resolve("zlib.h"), "/* other */");
        cache.seedPort(PORT, other, log::add);
        Path port = cache.directory().resolve("ports/zlib");
        assertEquals("/* other */", Files.readString(port.resolve("zlib-1.2.11/zlib.h")));
        assertFalse(Files.exists(builds));
    }

    @Test
    void anotherUrlReseeds() throws Exception {
        EmscriptenCache cache = cache();
        cache.seedPort(PORT, zlib, log::add);
        log.clear();
        EmscriptenPort newer = new EmscriptenPort("zlib", "https://example.invalid/zlib-1.2.13.zip", "zlib-1.2.11");
        cache.seedPort(newer, zlib, log::add);
        assertEquals(1, log.size(), log.toString());
        assertEquals(newer.url(), Files.readString(cache.directory().resolve("ports/zlib/.emscripten_url")).trim());
    }
}
