package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.crossbuild.CrossBuild;
import dev.wasmbuild.core.io.DirectoryLock;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the site file and runs CPython's configure for the target out of tree, under
 * emconfigure or the WASI compiler environment; skipped when nothing it depends on changed.
 */
@Mojo(name = "configure", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class ConfigureMojo extends AbstractBuildMojo {

    /** Skips only this goal. Default: false. */
    @Parameter(property = "wasm.configure.skip", defaultValue = "false")
    private boolean skipConfigure;

    @Override
    protected String skipReason() {
        return skipConfigure ? "wasm.configure.skip is set" : null;
    }

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        CrossBuild build = prepareBuild();
        try (DirectoryLock lock = build.lock(stepLog())) {
            build.configure(stepLog());
        }
        info("Configured " + target() + " in " + buildDirectory());
    }
}
