package dev.wasmbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmbuild.core.testsupport.ToolchainAssumptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a real wasm32-wasi program, compiled here with clang and Debian's wasi-libc, through
 * the launcher the plugin uses for python.wasm: arguments, mounts, output and exit status.
 * Skipped where clang for wasm32-wasi or node is missing.
 */
class NodeWasiLauncherTest {
    @TempDir
    static Path dir;
    static Path wasm;

    /** Per test rather than @BeforeAll, so a missing toolchain shows as a skipped test with its reason. */
    @BeforeEach
    void compileProgram() throws Exception {
        ToolchainAssumptions.assumeSystemWasiClang();
        ToolchainAssumptions.assumeNode();
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
}
