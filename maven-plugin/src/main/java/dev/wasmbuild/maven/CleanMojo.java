package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.FileErrors;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.buildpython.BuildPython;
import dev.wasmbuild.core.io.DirectoryLock;
import dev.wasmbuild.core.io.Trees;
import dev.wasmbuild.core.source.CPythonSource;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Deletes a target's build directory, and on request the cached build Python of its source. */
@Mojo(name = "clean", threadSafe = true)
public class CleanMojo extends AbstractToolMojo {

    /** Also delete the build Python cached in toolCache for this CPython source. Default: false. */
    @Parameter(property = "wasm.clean.buildPython", defaultValue = "false")
    private boolean buildPython;

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        // Everything is checked (the archive read through) before anything is unpacked or deleted.
        Path dir = buildDirectory();
        CPythonSource source = buildPython ? checkedSource() : null;
        // The cache key is a hash over the source tree, so an archive has to be on disk for it.
        Path cached = source == null ? null : BuildPython.inToolCache(tools().toolCache()).directoryFor(source.onDisk().root());
        // Deleting a directory another run is configuring or making would break that run midway.
        try (DirectoryLock lock = DirectoryLock.acquire(DirectoryLock.lockFileFor(dir), "build of " + dir,
                this::info)) {
            info((delete(dir, "{outputDirectory}") ? "Deleted " : "Nothing to delete: no ") + dir);
        } catch (IOException e) {
            throw new WasmBuildException("cannot lock " + dir + " ({outputDirectory}): " + FileErrors.describe(e), e);
        }
        if (cached != null) {
            try (DirectoryLock lock = BuildPython.lock(cached, this::info)) {
                info((delete(cached, "{toolCache}") ? "Deleted the build Python " : "No build Python cached at ")
                        + cached);
            } catch (IOException e) {
                throw new WasmBuildException("cannot lock " + cached + " ({toolCache}): " + FileErrors.describe(e), e);
            }
        }
    }

    private static boolean delete(Path dir, String setting) throws WasmBuildException, InterruptedException {
        try {
            return Trees.delete(dir);
        } catch (IOException e) {
            throw new WasmBuildException("cannot delete " + dir + " (" + setting + "): " + FileErrors.describe(e), e);
        }
    }
}
