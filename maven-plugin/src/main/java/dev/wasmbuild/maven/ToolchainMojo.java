package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.CatalogueLoader;
import dev.wasmbuild.core.catalogue.PythonRelease;
import dev.wasmbuild.core.run.HostRunners;
import dev.wasmbuild.core.toolchain.Fitness;
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
        Toolchain toolchain = Toolchains.discover(target().platform(), tools().processEnvironment(), tools().toolCache(),
                Map.<String, Path>of(), null);
        for (String line : toolchain.describe()) {
            info(line);
        }
        // What each CPython release the catalogue knows says about this toolchain.
        for (PythonRelease python : CatalogueLoader.loadBundled().releases()) {
            Fitness fitness = toolchain.fitnessFor(python);
            fitness.describe().forEach(line -> info("  " + line));
            if (!fitness.siteAnswers().isEmpty()) {
                info("  CPython " + python + ": site-file answers: " + fitness.siteAnswers());
            }
            if (!fitness.compilerFlags().isEmpty()) {
                info("  CPython " + python + ": CFLAGS gets: " + String.join(" ", fitness.compilerFlags()));
            }
        }
        if (target() != dev.wasmbuild.core.catalogue.Target.EMSCRIPTEN_BROWSER) {
            info("Runner: " + new HostRunners(tools().processEnvironment()).resolve(tools().runner(), target()).name()
                    .toLowerCase(java.util.Locale.ROOT) + " (runner " + tools().runner().name().toLowerCase(java.util.Locale.ROOT)
                    + ")");
        }
    }
}
