package dev.wasmbuild.core.buildpython;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A "CPython source" whose configure writes a Makefile that makes a stub python: a shell script
 * printing the version Include/patchlevel.h names, as the real one would. The real configure
 * and make steps run on it in milliseconds.
 */
final class StubCPython {
    static final String VERSION = "3.11.2";

    private StubCPython() {
    }

    /**
     * @param configureRuns a file outside the tree that gets a line per configure run (a file
     *     inside would change the cache key between runs)
     */
    static Path create(Path root, Path configureRuns) throws IOException {
        Path source = Files.createDirectories(root);
        Files.createDirectories(source.resolve("Include"));
        Files.writeString(source.resolve("Include/patchlevel.h"), "#define PY_VERSION \"" + VERSION + "\"\n");
        Files.writeString(source.resolve("stub-python"), "#!/bin/sh\necho " + VERSION + "\n");
        executable(source.resolve("configure"), "#!/bin/sh\n"
                + "echo run >> '" + configureRuns + "'\n"
                + "printf 'all:\\n\\tcp %s/stub-python python && chmod +x python\\n' \"$(dirname \"$0\")\" > Makefile\n");
        return source;
    }

    static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
