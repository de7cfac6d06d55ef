package dev.wasmbuild.core.toolchain;

import dev.wasmbuild.core.FileErrors;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.AtomicFiles;
import dev.wasmbuild.core.io.DirectoryLock;
import dev.wasmbuild.core.io.Hashing;
import dev.wasmbuild.core.io.Trees;
import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.ProcessExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A writable copy of an emscripten installation's cache, kept once per installation in the
 * user cache (it is about 750 MB, too big to copy per project). Copies go to a temporary
 * sibling that is renamed into place, under a file lock, so neither an interrupted copy nor
 * two concurrent builds can leave a half cache that looks complete.
 */
final class EmscriptenCache {
    private static final String COMPLETE = ".wasm-plugin-complete";

    private final Path directory;
    private final Path source;

    EmscriptenCache(Path cacheRoot, Path emscriptenRoot, String version, Path source) {
        this.directory = cacheRoot.resolve(version + "-" + Hashing.text(emscriptenRoot.toString()).substring(0, 8)).resolve("cache");
        this.source = source;
    }

    Path directory() {
        return directory;
    }

    void ensureCopied(Consumer<String> log) throws ToolchainException, InterruptedException {
        if (Files.isRegularFile(directory.resolve(COMPLETE))) {
            return;
        }
        withLock(log, () -> {
            if (Files.isRegularFile(directory.resolve(COMPLETE))) {
                return;
            }
            log.accept("Copying emscripten's read-only cache " + source + " to " + directory
                    + " (once per emscripten installation)");
            Path parent = directory.getParent();
            Path tmp = parent.resolve("cache.partial");
            Trees.delete(tmp);
            Trees.delete(directory);
            copyTree(source, tmp);
            Files.writeString(tmp.resolve(COMPLETE), "copied from " + source + "\n");
            AtomicFiles.moveIntoPlace(tmp, directory);
        });
    }

    /** Puts a local source tree where emscripten would have unpacked the port's download. */
    void seedPort(EmscriptenPort port, Path sourceTree, Consumer<String> log)
            throws ToolchainException, InterruptedException {
        Path portDir = directory.resolve("ports").resolve(port.name());
        Path marker = portDir.resolve(".emscripten_url");
        Path target = portDir.resolve(port.subdir());
        Path origin = portDir.resolve(".wasm-plugin-source");
        if (seeded(target, marker, origin, port, sourceTree)) {
            return;
        }
        withLock(log, () -> {
            // A concurrent run may have seeded it while this one waited; seeding again would
            // delete the tree under that run's make.
            if (seeded(target, marker, origin, port, sourceTree)) {
                return;
            }
            log.accept("Seeding emscripten's " + port.name() + " port (" + port.subdir() + ") from " + sourceTree);
            Path tmp = portDir.resolve(port.subdir() + ".partial");
            Files.createDirectories(portDir);
            Trees.delete(tmp);
            Files.deleteIfExists(marker);
            Trees.delete(target);
            copyTree(sourceTree, tmp);
            AtomicFiles.moveIntoPlace(tmp, target);
            // A library built from an earlier seed would otherwise be reused.
            Trees.delete(directory.resolve("ports-builds").resolve(port.name()));
            Files.writeString(origin, sourceTree + "\n");
            Files.writeString(marker, port.url() + "\n");
        });
    }

    private static boolean seeded(Path target, Path marker, Path origin, EmscriptenPort port, Path sourceTree) {
        try {
            return Files.isDirectory(target) && Files.isRegularFile(marker)
                    && Files.readString(marker, StandardCharsets.UTF_8).trim().equals(port.url())
                    && Files.isRegularFile(origin)
                    && Files.readString(origin, StandardCharsets.UTF_8).trim().equals(sourceTree.toString());
        } catch (IOException e) {
            return false; // unreadable markers: seed again
        }
    }

    private interface LockedWork {
        void run() throws IOException, InterruptedException, ToolchainException;
    }

    /** The lock file sits beside the cache directory, which a fresh copy replaces. */
    private void withLock(Consumer<String> log, LockedWork work) throws ToolchainException, InterruptedException {
        try (DirectoryLock lock = DirectoryLock.acquire(directory.getParent().resolve(".lock"),
                "copy or seeding of the writable emscripten cache " + directory, log)) {
            work.run();
        } catch (IOException e) {
            throw new ToolchainException("cannot prepare the writable emscripten cache " + directory + " (" + Setting.TOOL_CACHE + "): "
                    + FileErrors.describe(e));
        }
    }

    /** cp -a keeps links and modes and is much faster than a Java walk for ~750 MB of small files. */
    private static void copyTree(Path from, Path to) throws InterruptedException, ToolchainException {
        Command cp = new Command(List.of("cp", "-a", "--", from.toString(), to.toString()),
                to.toAbsolutePath().getParent(), Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C"));
        try {
            ProcessExecutor.Captured c = ProcessExecutor.capture(cp, Duration.ofMinutes(30));
            if (!c.succeeded()) {
                throw new ToolchainException("copying " + from + " to " + to + " failed: " + c.output());
            }
        } catch (WasmBuildException e) {
            throw new ToolchainException("copying " + from + " to " + to + " failed: " + e.getMessage());
        }
    }
}
