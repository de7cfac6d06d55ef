package dev.wasmbuild.core.crossbuild;

import dev.wasmbuild.core.Action;
import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.buildpython.BuildPython;
import dev.wasmbuild.core.io.DirectoryLock;
import dev.wasmbuild.core.io.Trees;
import dev.wasmbuild.core.source.CPythonSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What wasm:clean deletes: a target's build directory and, on request, the cached build Python
 * of its CPython source. {@link #prepare} checks everything and works out both paths without
 * deleting anything, so a bad setting leaves every file where it was; {@link #run} deletes.
 */
public final class CleanBuild {
    private final Path buildDirectory;
    /** Null when the build Python stays. */
    private final Path buildPython;

    private CleanBuild(Path buildDirectory, Path buildPython) {
        this.buildDirectory = buildDirectory;
        this.buildPython = buildPython;
    }

    /**
     * @param buildDirectory the target's build directory, under {outputDirectory}
     * @param buildPythonSource the checked source whose cached build Python goes too, or null to keep it
     */
    public static CleanBuild prepare(Path buildDirectory, Path toolCache, CPythonSource buildPythonSource)
            throws ConfigurationException, WasmBuildException, InterruptedException {
        if (Files.exists(buildDirectory, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(buildDirectory, LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(buildDirectory)) {
            // Not something a build made: whatever put a file there did not mean it for wasm:clean.
            throw new ConfigurationException(Setting.OUTPUT_DIRECTORY, buildDirectory + " is not a build directory but a"
                    + " file; " + Action.CLEAN + " deletes only directories the build made. Move the file, or set"
                    + " " + Setting.OUTPUT_DIRECTORY + " to where the builds are");
        }
        // The build Python's directory is named after a hash over the source tree, so an archive is
        // unpacked for it here: after every setting was checked, before anything is deleted.
        Path cached = buildPythonSource == null ? null
                : BuildPython.inToolCache(toolCache).directoryFor(buildPythonSource.onDisk().root());
        return new CleanBuild(buildDirectory, cached);
    }

    /** Deletes, each directory under its lock: another run's configure or make there would break midway. */
    public void run(Consumer<String> info) throws WasmBuildException, InterruptedException {
        try (DirectoryLock lock = DirectoryLock.acquire(DirectoryLock.lockFileFor(buildDirectory),
                "build of " + buildDirectory, info)) {
            info.accept((delete(buildDirectory, Setting.OUTPUT_DIRECTORY) ? "Deleted " : "Nothing to delete: no ")
                    + buildDirectory);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot lock " + buildDirectory, Setting.OUTPUT_DIRECTORY, e);
        }
        if (buildPython != null) {
            try (DirectoryLock lock = BuildPython.lock(buildPython, info)) {
                info.accept((delete(buildPython, Setting.TOOL_CACHE) ? "Deleted the build Python "
                        : "No build Python cached at ") + buildPython);
            } catch (IOException e) {
                throw WasmBuildException.io("cannot lock " + buildPython, Setting.TOOL_CACHE, e);
            }
        }
    }

    private static boolean delete(Path dir, Setting setting) throws WasmBuildException, InterruptedException {
        try {
            return Trees.delete(dir);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot delete " + dir, setting, e);
        }
    }
}
