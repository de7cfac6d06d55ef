package dev.wasmbuild.core.make;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPython's configure (3.11 to 3.14) takes emscripten's zlib port to be always there: on
 * Emscripten it sets ZLIB_CFLAGS and ZLIB_LIBS to -sUSE_ZLIB without a check, so binascii, which
 * uses zlib's crc32 when it can, is compiled and linked with -sUSE_ZLIB even when the zlib module
 * is off. emcc then downloads the port, and make fails where that cannot be done (measured in the
 * Debian 13 root, CPython 3.13.5 and emscripten 3.1.69: "urlopen error" at Modules/binascii.o).
 * When the plugin has no zlib port to seed (no {@code zlibSource}), this make file, given to make
 * after CPython's Makefile, empties binascii's zlib flags, which is what configure writes where
 * there is no zlib: binascii.c then uses its own crc32.
 *
 * <p>The file is a prerequisite of binascii.o, so the object is rebuilt when the file appears.
 * When the port is there again, the file and the object are deleted, so that binascii is
 * compiled with zlib's crc32 once more.
 */
public final class BinasciiWithoutZlibPort {
    /** Where it is written, in the build directory. */
    public static final String FILE = ".wasm-binascii-without-zlib-port.mk";
    static final String OBJECT = "Modules/binascii.o";

    private BinasciiWithoutZlibPort() {
    }

    /**
     * Writes the make file when there is no zlib port (only when its text changed), or removes
     * it and binascii's object when there is one and an earlier build lacked it.
     *
     * @return whether make must be given the file
     */
    public static boolean update(Path buildDirectory, boolean zlibPortMissing) throws WasmBuildException {
        if (zlibPortMissing) {
            MakeFiles.write(buildDirectory, FILE, text());
            return true;
        }
        Path file = buildDirectory.resolve(FILE);
        try {
            if (Files.deleteIfExists(file)) {
                Files.deleteIfExists(buildDirectory.resolve(OBJECT));
            }
            return false;
        } catch (IOException e) {
            throw WasmBuildException.io("cannot delete " + file, Setting.BUILD_DIRECTORY, e);
        }
    }

    static String text() {
        return "# Written by wasm-maven-plugin: emscripten's zlib port is not available here, so binascii\n"
                + "# is built without zlib's crc32. See BinasciiWithoutZlibPort.java.\n"
                + "MODULE_BINASCII_CFLAGS =\n"
                + "MODULE_BINASCII_LDFLAGS =\n"
                + OBJECT + ": " + FILE + "\n";
    }
}
