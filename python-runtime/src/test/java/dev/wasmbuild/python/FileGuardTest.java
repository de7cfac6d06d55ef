package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chicory's own WASI functions, wrapped by the guard, called as the guest calls them: a mount
 * keeps the guest inside it whatever links and ".." say, and a read-only mount stays unchanged.
 */
class FileGuardTest {
    private static final int ROOT_FD = 3;
    private static final int READ_ONLY_FD = 4;
    private static final long READ = 1L << 1;
    private static final long WRITE = 1L << 6;
    private static final long CREAT = 1;
    private static final int FOLLOW = 1;
    private static final int PATH = 1024;
    private static final int OUT = 16;

    @TempDir
    Path dir;
    Path root;
    Path secret;
    Path shelf;
    WasiPreview1 wasi;
    HostFunction[] functions;
    Instance instance;

    @BeforeEach
    void mount() throws Exception {
        root = Files.createDirectories(dir.resolve("root"));
        shelf = Files.createDirectories(dir.resolve("shelf"));
        secret = Files.writeString(dir.resolve("secret.txt"), "host only");
        Files.writeString(root.resolve("mine.txt"), "guest's");
        Files.writeString(shelf.resolve("book.txt"), "read me");
        Files.createDirectories(root.resolve("sub"));
        Files.createSymbolicLink(root.resolve("outlink"), dir);
        Files.createSymbolicLink(root.resolve("secretlink"), secret);
        Files.createSymbolicLink(root.resolve("sub/uplink"), Path.of(".."));
        Files.createSymbolicLink(root.resolve("dangling"), dir.resolve("new.txt"));
        wasi = WasiPreview1.builder().withOptions(WasiOptions.builder()
                .withDirectory("/", root).withDirectory("/shelf", shelf).build()).build();
        functions = FileGuard.apply(wasi.toHostFunctions(), wasi,
                List.of(FileGuard.HostMount.of(root, false), FileGuard.HostMount.of(shelf, true)));
        instance = TinyModule.instance();
    }

    @AfterEach
    void close() {
        wasi.close();
    }

    private long open(int fd, String path, long oflags, long rights) {
        int len = TinyModule.put(instance, PATH, path);
        return TinyModule.function(functions, "path_open").handle()
                .apply(instance, new long[] {fd, FOLLOW, PATH, len, oflags, rights, rights, 0, OUT})[0];
    }

    private long call(String name, long... args) {
        return TinyModule.function(functions, name).handle().apply(instance, args)[0];
    }

    @Test
    void filesInsideTheMountOpen() {
        assertEquals(0, open(ROOT_FD, "mine.txt", 0, READ));
        assertEquals(0, open(ROOT_FD, "sub/uplink/mine.txt", 0, READ), "a link that stays inside is followed");
        assertEquals(0, open(ROOT_FD, "new.txt", CREAT, READ | WRITE));
        assertTrue(Files.exists(root.resolve("new.txt")));
        assertEquals(0, open(READ_ONLY_FD, "book.txt", 0, READ));
    }

    @Test
    void linksOutOfTheMountAreRefused() {
        assertEquals(FileGuard.EPERM, open(ROOT_FD, "outlink/secret.txt", 0, READ));
        assertEquals(FileGuard.EPERM, open(ROOT_FD, "secretlink", 0, READ));
        assertEquals(FileGuard.EPERM, open(ROOT_FD, "sub/uplink/outlink/secret.txt", 0, READ));
        // Creating through a dangling link would make a file outside.
        assertEquals(FileGuard.EPERM, open(ROOT_FD, "dangling", CREAT, READ | WRITE));
        assertFalse(Files.exists(dir.resolve("new.txt")));
        int len = TinyModule.put(instance, PATH, "outlink/secret.txt");
        assertEquals(FileGuard.EPERM, call("path_filestat_get", ROOT_FD, FOLLOW, PATH, len, 2048));
        len = TinyModule.put(instance, PATH, "outlink/made");
        assertEquals(FileGuard.EPERM, call("path_create_directory", ROOT_FD, PATH, len));
        assertFalse(Files.exists(dir.resolve("made")));
        len = TinyModule.put(instance, PATH, "outlink/secret.txt");
        assertEquals(FileGuard.EPERM, call("path_unlink_file", ROOT_FD, PATH, len));
        assertTrue(Files.exists(secret));
    }

    @Test
    void climbingAndAbsolutePathsAreRefused() {
        assertTrue(open(ROOT_FD, "../secret.txt", 0, READ) != 0);
        assertTrue(open(ROOT_FD, "sub/../../secret.txt", 0, READ) != 0);
        assertTrue(open(ROOT_FD, secret.toString(), 0, READ) != 0);
        assertTrue(open(ROOT_FD, "/etc/passwd", 0, READ) != 0);
    }

    @Test
    void aLinkItselfCanBeRemovedOrReadWithoutFollowingIt() {
        int len = TinyModule.put(instance, PATH, "outlink");
        assertEquals(0, call("path_readlink", ROOT_FD, PATH, len, 2048, 256, OUT));
        assertEquals(0, call("path_unlink_file", ROOT_FD, PATH, len));
        assertTrue(Files.isDirectory(dir), "the link went, not its target");
    }

    /**
     * Surefire runs these tests under LC_ALL=C (the pom), where Java's file-name encoding is
     * ASCII: a name it cannot spell is EILSEQ, not Chicory's misleading EPERM (PermissionError).
     */
    @Test
    void aNameJavaCannotSpellIsAnIllegalByteSequence() {
        boolean ascii = !java.nio.charset.Charset.forName(System.getProperty("sun.jnu.encoding"))
                .newEncoder().canEncode('\u65b0');
        long result = open(ROOT_FD, "\u65b0.txt", CREAT, READ | WRITE);
        if (ascii) {
            assertEquals(FileGuard.EILSEQ, result);
        } else {
            assertEquals(0, result);
            assertTrue(Files.exists(root.resolve("\u65b0.txt")));
        }
    }

    @Test
    void aReadOnlyMountCannotBeChanged() throws Exception {
        assertEquals(FileGuard.EROFS, open(READ_ONLY_FD, "book.txt", 0, READ | WRITE));
        assertEquals(FileGuard.EROFS, open(READ_ONLY_FD, "planted.py", CREAT, READ | WRITE));
        int len = TinyModule.put(instance, PATH, "book.txt");
        assertEquals(FileGuard.EROFS, call("path_unlink_file", READ_ONLY_FD, PATH, len));
        len = TinyModule.put(instance, PATH, "d");
        assertEquals(FileGuard.EROFS, call("path_create_directory", READ_ONLY_FD, PATH, len));
        int to = TinyModule.put(instance, 512, "moved.txt");
        len = TinyModule.put(instance, PATH, "book.txt");
        assertEquals(FileGuard.EROFS, call("path_rename", READ_ONLY_FD, PATH, len, ROOT_FD, 512, to));
        assertEquals("read me", Files.readString(shelf.resolve("book.txt")));
        assertFalse(Files.exists(shelf.resolve("planted.py")));
    }
}
