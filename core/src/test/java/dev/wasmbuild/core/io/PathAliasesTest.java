package dev.wasmbuild.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories configure and make cannot name get a plain alias; plain ones are used as they are. */
class PathAliasesTest {

    @Test
    void aPlainDirectoryIsItsOwnAliasAndNoLinkIsMade(@TempDir Path tmp) throws Exception {
        PathAliases aliases = new PathAliases(tmp.resolve("cache/paths"));
        Path plain = Files.createDirectories(tmp.resolve("project/target/wasm/wasi"));
        assertEquals(plain, aliases.create(plain));
        assertFalse(Files.exists(tmp.resolve("cache/paths")));
    }

    @Test
    void aDirectoryWithASpaceIsSeenThroughAStablePlainLink(@TempDir Path tmp) throws Exception {
        PathAliases aliases = new PathAliases(tmp.resolve("cache/paths"));
        Path spaced = Files.createDirectories(tmp.resolve("dir with space/target/wasm/wasi"));
        Files.writeString(spaced.resolve("Makefile"), "all:\n");
        Path alias = aliases.create(spaced);
        assertTrue(PathAliases.isPlain(alias), alias.toString());
        assertTrue(alias.startsWith(tmp.resolve("cache/paths")), alias.toString());
        assertEquals(spaced, Files.readSymbolicLink(alias));
        assertEquals("all:\n", Files.readString(alias.resolve("Makefile")));
        // The same directory keeps its alias (configure's fingerprint records it), another gets its own.
        assertEquals(alias, aliases.create(spaced));
        assertEquals(alias, new PathAliases(tmp.resolve("cache/paths")).aliasFor(spaced));
        Path other = Files.createDirectories(tmp.resolve("other dir/target/wasm/wasi"));
        assertNotEquals(alias, aliases.create(other));
    }

    @Test
    void everyCharacterMakeOrTheShellWouldReadIsAliased(@TempDir Path tmp) {
        for (String name : new String[] {"a b", "a\tb", "a'b", "a\"b", "a$b", "a`b", "a\\b", "a:b", "a#b", "a&b",
                "a;b", "a(b", "a*b", "a?b", "a[b", "a%b", "a|b", "a<b", "é"}) {
            Path p = tmp.resolve(name);
            assertFalse(PathAliases.isPlain(p), name);
            assertTrue(PathAliases.isPlain(new PathAliases(tmp.resolve("c")).aliasFor(p)), name);
        }
        assertEquals("space, ':'", PathAliases.offending(tmp.resolve("a b:c d")));
        assertTrue(PathAliases.isPlain(tmp.resolve("Python-3.11.2_x+y,z@w=v~u")));
    }
}
