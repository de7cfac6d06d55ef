package dev.wasmbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chicory's compiled classes kept between runs, and what happens to an entry that was damaged:
 * it is named, deleted and compiled again, instead of failing every {@code -Dwasm.runner=chicory}
 * run with an EOFException or a NullPointerException.
 */
class DirectoryCacheTest {
    /** A module exporting {@code answer}, a function that returns 42. */
    private static final byte[] ANSWER = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
        0x03, 0x02, 0x01, 0x00,
        0x07, 0x0a, 0x01, 0x06, 'a', 'n', 's', 'w', 'e', 'r', 0x00, 0x00,
        0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b,
    };

    @TempDir
    Path dir;

    private final List<String> notices = new ArrayList<>();

    private DirectoryCache cache() {
        return new DirectoryCache(dir.resolve("chicory-cache"), notices::add);
    }

    @Test
    void keepsTheFirstValueOfAKeyAcrossInstances() throws Exception {
        DirectoryCache cache = cache();
        assertNull(cache.get("module/with:odd*chars"));
        cache.putIfAbsent("module/with:odd*chars", new byte[] {1, 2, 3});
        cache.putIfAbsent("module/with:odd*chars", new byte[] {9});
        assertArrayEquals(new byte[] {1, 2, 3}, cache().get("module/with:odd*chars"));
        assertNull(cache.get("another"));
        assertTrue(notices.isEmpty(), notices.toString());
    }

    @Test
    void aTruncatedEntryIsNamedDeletedAndWrittenAgain() throws Exception {
        DirectoryCache cache = cache();
        cache.putIfAbsent("k", payload(5000));
        Path entry = onlyEntry();
        try (RandomAccessFile f = new RandomAccessFile(entry.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertNull(cache.get("k"), "a damaged entry is a miss");
        assertFalse(Files.exists(entry));
        assertEquals(List.of("Chicory cache: deleted the damaged entry " + entry + " (its 2467 bytes do not match the"
                + " SHA-256 recorded with them: cut short or overwritten); compiling the module again"), notices);
        cache.putIfAbsent("k", payload(5000));
        assertArrayEquals(payload(5000), cache.get("k"));
    }

    @Test
    void sameSizeGarbageAndHeaderlessAndEmptyEntriesAreMisses() throws Exception {
        DirectoryCache cache = cache();
        cache.putIfAbsent("k", payload(5000));
        Path entry = onlyEntry();
        byte[] garbage = new byte[(int) Files.size(entry)];
        new Random(7).nextBytes(garbage);
        Files.write(entry, garbage);
        assertNull(cache.get("k"));
        assertTrue(notices.get(0).contains("does not start with the plugin's checksum header"), notices.toString());

        // The same garbage behind a correct header: only the checksum can tell.
        cache.putIfAbsent("k", payload(5000));
        byte[] stored = Files.readAllBytes(entry);
        stored[stored.length - 1] ^= 1;
        Files.write(entry, stored);
        assertNull(cache.get("k"));
        assertTrue(notices.get(1).contains("do not match the SHA-256"), notices.toString());

        Files.write(entry, new byte[0]);
        assertNull(cache.get("k"));
        assertTrue(notices.get(2).contains("cut short: 0 bytes"), notices.toString());
        assertFalse(Files.exists(entry));
    }

    @Test
    void chicoryRunsFromADamagedCacheByCompilingAgain() throws Exception {
        WasmModule module = Parser.parse(ANSWER);
        assertEquals(42, answer(module));
        Path entry = onlyEntry();
        byte[] compiled = Files.readAllBytes(entry);
        assertEquals(42, answer(module), "from the cache");
        assertTrue(notices.isEmpty(), notices.toString());

        // Truncated, as a full disk leaves it (Chicory alone: EOFException).
        Files.write(entry, Arrays.copyOf(compiled, compiled.length / 2));
        assertEquals(42, answer(module));
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("Chicory cache: deleted the damaged entry " + entry), notices.get(0));
        assertNull(DirectoryCache.problem(Files.readAllBytes(entry)), "compiled again and stored whole");
    }

    @Test
    void anEntryWithAValidChecksumThatChicoryCannotLoadIsDiscardedAndCompiledAgain() throws Exception {
        WasmModule module = Parser.parse(ANSWER);
        // What an entry of another Chicory version could look like: whole, but not loadable.
        cache().putIfAbsent(module.digest(), payload(3000));
        Path entry = onlyEntry();
        assertEquals(42, answer(module));
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("Chicory cache: deleted the damaged entry " + entry
                + " (Chicory cannot load it: "), notices.get(0));
        assertNull(DirectoryCache.problem(Files.readAllBytes(entry)), "a whole entry was written in its place");
        notices.clear();
        assertEquals(42, answer(module));
        assertTrue(notices.isEmpty(), notices.toString());
    }

    private int answer(WasmModule module) throws Exception {
        Instance instance = Instance.builder(module).withMachineFactory(ChicoryRunner.compile(module, cache())).build();
        return (int) instance.export("answer").apply()[0];
    }

    private Path onlyEntry() throws Exception {
        try (var files = Files.list(dir.resolve("chicory-cache"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static byte[] payload(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }
}
