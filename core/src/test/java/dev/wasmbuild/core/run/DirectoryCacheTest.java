package dev.wasmbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCacheTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheFirstValueOfAKeyAcrossInstances() throws Exception {
        DirectoryCache cache = new DirectoryCache(dir.resolve("cache"));
        assertNull(cache.get("module/with:odd*chars"));
        cache.putIfAbsent("module/with:odd*chars", new byte[] {1, 2, 3});
        cache.putIfAbsent("module/with:odd*chars", new byte[] {9});
        assertArrayEquals(new byte[] {1, 2, 3}, new DirectoryCache(dir.resolve("cache")).get("module/with:odd*chars"));
        assertNull(cache.get("another"));
    }
}
