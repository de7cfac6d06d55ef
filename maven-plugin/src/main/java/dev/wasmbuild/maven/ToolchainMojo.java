package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.CatalogueLoader;
import dev.wasmbuild.core.crossbuild.ToolchainReport;
import dev.wasmbuild.core.toolchain.Toolchain;
import dev.wasmbuild.core.toolchain.Toolchains;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints the toolchain the target would be built with (where it was found, versions, caches),
 * what each CPython line says about it (fits, warnings, refused, with the reasons) and the
 * runner that would run the build.
 */
@Mojo(name = "toolchain", threadSafe = true, requiresProject = false)
public class ToolchainMojo extends AbstractToolMojo {

    @Override
    protected void run() throws ConfigurationException, WasmBuildException {
        HostTools tools = tools();
        Toolchain toolchain = Toolchains.discover(target().platform(), tools.processEnvironment(), tools.toolCache(),
                Map.<String, Path>of(), null);
        ToolchainReport.lines(target(), toolchain, CatalogueLoader.loadBundled().releases(), tools.runner(),
                tools.processEnvironment()).forEach(this::info);
    }
}
