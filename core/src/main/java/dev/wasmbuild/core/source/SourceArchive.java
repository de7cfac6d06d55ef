package dev.wasmbuild.core.source;

import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.ProcessExecutor;
import java.time.Duration;
import java.util.Map;

import dev.wasmbuild.core.io.Hashing;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.AtomicFiles;
import dev.wasmbuild.core.io.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A CPython release tarball (.tgz, .tar.gz, .tar.xz), checked against an optional sha256 and
 * unpacked once. The unpacked tree is only used once its completion marker exists, so an
 * interrupted unpack is simply redone.
 */
public final class SourceArchive {
    private SourceArchive() {
    }

    /**
     * Checks the settings without unpacking anything: a supported archive name, an existing
     * file, and a SHA-256 that is 64 hex digits when given.
     *
     * @return the archive's base name (without the archive extension)
     */
    public static String check(Path archive, String sha256) throws ConfigurationException {
        String name = archive.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String base;
        if (lower.endsWith(".tar.gz") || lower.endsWith(".tar.xz")) {
            base = name.substring(0, name.length() - 7);
        } else if (lower.endsWith(".tgz")) {
            base = name.substring(0, name.length() - 4);
        } else {
            throw new ConfigurationException("sourceArchive", name + " is not a .tgz, .tar.gz or .tar.xz archive");
        }
        if (!Files.isRegularFile(archive)) {
            throw new ConfigurationException("sourceArchive", archive + " does not exist");
        }
        if (sha256 != null && !sha256.isBlank() && !sha256.trim().matches("[0-9a-fA-F]{64}")) {
            throw new ConfigurationException("sourceArchiveSha256", "'" + sha256.trim() + "' is not a SHA-256"
                    + " (64 hexadecimal digits)");
        }
        return base;
    }

    /** @return the top directory of the unpacked source */
    public static Path unpack(Path archive, String sha256, Path workDirectory)
            throws ConfigurationException, WasmBuildException, InterruptedException {
        String base = check(archive, sha256);
        String actual;
        try {
            actual = Hashing.file(archive);
        } catch (IOException e) {
            throw new ConfigurationException("sourceArchive", "cannot read " + archive + ": " + e.getMessage());
        }
        if (sha256 != null && !sha256.isBlank() && !sha256.trim().equalsIgnoreCase(actual)) {
            throw new ConfigurationException("sourceArchiveSha256", "the sha256 of " + archive + " is " + actual
                    + ", not " + sha256.trim());
        }
        Path dir = workDirectory.resolve(base + "-" + actual.substring(0, 12));
        Path done = dir.resolve(".wasm-plugin-unpacked");
        try {
            if (Files.isRegularFile(done)) {
                return topDirectory(dir);
            }
            Path partial = workDirectory.resolve(dir.getFileName() + ".partial");
            Trees.delete(partial);
            Trees.delete(dir);
            Files.createDirectories(partial);
            Command tar = new Command(List.of("tar", "-xf", archive.toAbsolutePath().toString(), "-C",
                    partial.toString()), partial, Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C"));
            ProcessExecutor.Captured c = ProcessExecutor.capture(tar, Duration.ofMinutes(10));
            if (!c.succeeded()) {
                throw new WasmBuildException("unpacking " + archive + " failed: " + c.output());
            }
            Files.writeString(partial.resolve(".wasm-plugin-unpacked"), archive + "\n");
            AtomicFiles.moveIntoPlace(partial, dir);
            return topDirectory(dir);
        } catch (IOException e) {
            throw new WasmBuildException("cannot unpack " + archive + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path topDirectory(Path dir) throws IOException, WasmBuildException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            if (dirs.size() != 1 || !Files.isRegularFile(dirs.get(0).resolve("configure"))) {
                throw new WasmBuildException(dir + " does not hold one CPython source tree with a configure script");
            }
            return dirs.get(0);
        }
    }

}
