package dev.wasmbuild.core.run;

import dev.wasmbuild.core.build.BuildLayout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CPython's HOSTRUNNER as the plugin hands it to configure. Pure string work, so it lives apart
 * from NodeWasiLauncherTest, which needs a real toolchain and is skipped without one.
 */
class HostRunnersConfigureTest {
    @TempDir
    Path dir;

    @Test
    void hostRunnerStringMountsTheBuildDirectoryAndStdlib() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/Lib"));
        BuildLayout layout = new BuildLayout(Target.WASI, new PythonVersion(3, 11), src.getParent(), dir.resolve("b"));
        String runner = new HostRunners(System.getenv()).hostRunnerForConfigure(RunnerKind.NODE, layout);
        assertTrue(runner.startsWith("node --no-warnings --single-threaded --stack-size=2000 " + dir.resolve("b/wasi-run.mjs")), runner);
        assertTrue(runner.contains("--map /::" + dir.resolve("b")), runner);
        assertTrue(runner.contains("--map /usr/local/lib/python3.11::" + src), runner);
        assertTrue(runner.endsWith("--env PYTHONPATH=/$(shell cat pybuilddir.txt) --"), runner);
    }
}
