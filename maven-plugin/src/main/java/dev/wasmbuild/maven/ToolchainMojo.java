package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.toolchain.Toolchain;
import dev.wasmbuild.core.toolchain.Toolchains;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Prints the toolchain the target would be built with: where it was found, versions, caches, warnings. */
@Mojo(name = "toolchain", threadSafe = true, requiresProject = false)
public class ToolchainMojo extends AbstractTargetMojo {

    /** The user-wide cache of the build (see wasm:build). */
    @Parameter(property = "wasm.toolCache", defaultValue = "${user.home}/.cache/wasm-maven-plugin")
    private File toolCache;

    @Override
    protected void run() throws ConfigurationException, WasmBuildException {
        Toolchain toolchain = Toolchains.discover(target().platform(), processEnvironment(),
                toolCache.getAbsoluteFile().toPath(), Map.<String, Path>of(), null);
        for (String line : toolchain.describe()) {
            getLog().info(line);
        }
    }
}
