package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.crossbuild.CleanBuild;
import dev.wasmbuild.core.source.CPythonSource;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Deletes a target's build directory, and on request the cached build Python of its source. */
@Mojo(name = "clean", threadSafe = true)
public class CleanMojo extends AbstractToolMojo {

    /**
     * Also deletes the build Python cached in toolCache for this CPython source (its cache key is
     * a hash over the tree, so a sourceArchive is checked and unpacked first). Default: false.
     */
    @Parameter(property = "wasm.clean.buildPython", defaultValue = "false")
    private boolean buildPython;

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        // Checked, not unpacked: CleanBuild.prepare does that once everything else was checked.
        CPythonSource source = buildPython ? checkedSource() : null;
        CleanBuild.prepare(buildDirectory(), tools().toolCache(), source).run(this::info);
    }
}
