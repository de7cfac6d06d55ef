package dev.wasmbuild.core.make;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a zlib port, binascii is compiled and linked without -sUSE_ZLIB; with the port back,
 * it is compiled with it again. GNU make on a Makefile with the lines configure writes for
 * binascii on Emscripten (the real build is the build-emscripten-node-313 IT, which gives no
 * zlibSource).
 */
class BinasciiWithoutZlibPortTest {
    private static final String CONFIGURED_FOR_EMSCRIPTEN = """
            MODULE_BINASCII_CFLAGS=-DUSE_ZLIB_CRC32 -sUSE_ZLIB
            MODULE_BINASCII_LDFLAGS=-sUSE_ZLIB
            LOCALMODLIBS= $(MODULE_BINASCII_LDFLAGS)
            Modules/binascii.o: Modules/binascii.c
            \t@echo CC $(MODULE_BINASCII_CFLAGS) -c Modules/binascii.c -o $@ && touch $@
            python.js: Modules/binascii.o
            \t@echo LINK Modules/binascii.o $(LOCALMODLIBS) -o $@ && touch $@
            all: python.js
            """;

    @Test
    void withoutThePortBinasciiLosesItsZlibFlagsAndIsRebuilt(@TempDir Path dir) throws Exception {
        configuredTree(dir);
        assertTrue(GnuMake.make(dir, List.of(), "all").output().contains("-sUSE_ZLIB"));
        olderObjects(dir);

        assertTrue(BinasciiWithoutZlibPort.update(dir, true));
        List<String> args = MakeFiles.arguments(List.of(BinasciiWithoutZlibPort.FILE));
        String out = GnuMake.make(dir, args, "all").output();
        String compile = GnuMake.line(out, "Modules/binascii.o");
        String link = GnuMake.line(out, "python.js");
        assertFalse(compile.contains("USE_ZLIB"), compile);
        assertFalse(link.contains("-sUSE_ZLIB"), link);
        // Written again with the same text: nothing to do.
        assertTrue(BinasciiWithoutZlibPort.update(dir, true));
        assertFalse(GnuMake.make(dir, args, "all").output().contains(" -o "), "nothing to rebuild");
    }

    @Test
    void withThePortBackBinasciiIsCompiledWithZlibAgain(@TempDir Path dir) throws Exception {
        configuredTree(dir);
        BinasciiWithoutZlibPort.update(dir, true);
        GnuMake.make(dir, MakeFiles.arguments(List.of(BinasciiWithoutZlibPort.FILE)), "all");

        assertFalse(BinasciiWithoutZlibPort.update(dir, false));
        assertFalse(Files.exists(dir.resolve(BinasciiWithoutZlibPort.FILE)));
        String out = GnuMake.make(dir, List.of(), "all").output();
        assertTrue(GnuMake.line(out, "Modules/binascii.o").contains("-DUSE_ZLIB_CRC32 -sUSE_ZLIB"), out);
        // A build that never lacked the port is left alone.
        assertFalse(BinasciiWithoutZlibPort.update(dir, false));
        assertTrue(Files.exists(dir.resolve("Modules/binascii.o")));
    }

    private static void configuredTree(Path dir) throws Exception {
        Files.writeString(dir.resolve("Makefile"), CONFIGURED_FOR_EMSCRIPTEN);
        Files.createDirectories(dir.resolve("Modules"));
        Files.writeString(dir.resolve("Modules/binascii.c"), "int x;\n");
        Files.setLastModifiedTime(dir.resolve("Modules/binascii.c"),
                FileTime.fromMillis(System.currentTimeMillis() - 120_000));
    }

    /** As if the last build was a while ago, so that a newly written make file is newer. */
    private static void olderObjects(Path dir) throws Exception {
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(dir.resolve("Modules/binascii.o"), old);
        Files.setLastModifiedTime(dir.resolve("python.js"), old);
    }
}
