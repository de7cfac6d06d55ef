package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.buildpython.BuildPython;
import dev.wasmbuild.core.io.Trees;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Removes a target's build directory, and on request the cached build Python of its source. */
@Mojo(name = "clean", threadSafe = true)
public class CleanMojo extends AbstractTargetMojo {

    /** Also remove the build Python cached for this CPython source. */
    @Parameter(property = "wasm.clean.buildPython", defaultValue = "false")
    private boolean buildPython;

    /** The user-wide cache of the build (see wasm:build). */
    @Parameter(property = "wasm.toolCache", defaultValue = "${user.home}/.cache/wasm-maven-plugin")
    private File toolCache;

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        Path dir = buildDirectory();
        getLog().info((delete(dir) ? "Deleted " : "Nothing to delete: no ") + dir);
        if (buildPython) {
            Path cached = BuildPython.inToolCache(toolCache.toPath()).directoryFor(sourceRoot());
            getLog().info((delete(cached) ? "Deleted the build Python " : "No build Python cached at ") + cached);
        }
    }

    private static boolean delete(Path dir) throws WasmBuildException, InterruptedException {
        try {
            return Trees.delete(dir);
        } catch (IOException e) {
            throw new WasmBuildException(e.getMessage(), e);
        }
    }
}
