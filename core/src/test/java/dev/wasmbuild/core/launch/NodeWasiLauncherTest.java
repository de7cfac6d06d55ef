package dev.wasmbuild.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a real wasm32-wasi program, compiled here with clang and Debian's wasi-libc, through
 * the launcher the plugin uses for python.wasm: arguments, mounts, output and exit status.
 */
class NodeWasiLauncherTest {
    @TempDir
    static Path dir;
    static Path wasm;

    @BeforeAll
    static void compileProgram() throws Exception {
        Path c = dir.resolve("probe.c");
        Files.writeString(c, """
                #include <stdio.h>
                int main(int argc, char **argv) {
                    FILE *f = fopen("/data/in.txt", "r");
                    char buf[64] = {0};
                    if (f) { fgets(buf, sizeof buf, f); fclose(f); }
                    printf("args=%d last=%s data=%s\\n", argc, argv[argc - 1], buf);
                    return 7;
                }
                """);
        wasm = dir.resolve("probe.wasm");
        Process p = new ProcessBuilder("clang", "--target=wasm32-wasi", "-O1", "-o", wasm.toString(), c.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "clang --target=wasm32-wasi failed (apt-get install clang lld wasi-libc"
                + " libclang-rt-14-dev-wasm32): " + out);
    }

    @Test
    void runsAWasiProgramWithMountsAndPassesTheExitStatusThrough() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("in.txt"), "hello");
        Path launcher = NodeWasiLauncher.install(dir.resolve("build"));
        List<String> cmd = new ArrayList<>(List.of("node", "--no-warnings", launcher.toString(),
                "--map", "/data::" + data, "--", wasm.toString(), "one", "two words"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(7, p.waitFor(), out);
        assertEquals("args=3 last=two words data=hello\n", out);
    }

    @Test
    void hostRunnerStringMountsTheBuildDirectoryAndStdlib() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/Lib"));
        BuildLayout layout = new BuildLayout(Target.WASI, new PythonVersion(3, 11), src.getParent(), dir.resolve("b"));
        String runner = new HostRunners(System.getenv()).hostRunnerForConfigure(RunnerKind.NODE, layout);
        assertTrue(runner.startsWith("node --no-warnings --single-threaded " + dir.resolve("b/wasi-run.mjs")), runner);
        assertTrue(runner.contains("--map /::" + dir.resolve("b")), runner);
        assertTrue(runner.contains("--map /usr/local/lib/python3.11::" + src), runner);
        assertTrue(runner.endsWith("--env PYTHONPATH=/$(shell cat pybuilddir.txt) --"), runner);
    }
}
