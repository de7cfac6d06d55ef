package dev.wasmbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.build.BuildLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line wasm:run and wasm:test log for what they start. The runners are found on a PATH of
 * stand-in executables, so no node or wasmtime is needed and nothing is started.
 */
class GuestRunDescribeTest {
    @TempDir
    Path dir;
    Path src;
    Path build;
    Map<String, String> env;

    @BeforeEach
    void aFinishedBuildAndStandInRunners() throws Exception {
        src = Files.createDirectories(dir.resolve("src/Lib")).getParent();
        build = Files.createDirectories(dir.resolve("build"));
        Files.writeString(build.resolve("python.wasm"), "");
        Files.writeString(build.resolve("python.js"), "");
        Files.writeString(build.resolve("pybuilddir.txt"), "build/lib.wasi-wasm32-3.11\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String program : List.of("node", "wasmtime")) {
            Path p = bin.resolve(program);
            Files.writeString(p, "#!/bin/sh\nexit 99\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        env = Map.of("PATH", bin.toString());
    }

    private BuildLayout layout(Target target) {
        return new BuildLayout(target, new PythonVersion(3, 11), src, build);
    }

    @Test
    void chicoryNamesThePythonArgumentsAndThatItRunsInThisJvm() throws Exception {
        GuestRun run = GuestRun.of(layout(Target.WASI), RunnerKind.CHICORY, Map.of());
        assertEquals("python -m test test_os (in this JVM with Chicory)",
                run.describe(dir, List.of("-m", "test", "test_os")));
    }

    @Test
    void nodeOnWasiShowsTheLauncherAndEveryMount() throws Exception {
        Path root = dir.resolve("work");
        String line = GuestRun.of(layout(Target.WASI), RunnerKind.NODE, env).describe(root, List.of("-c", "1"));
        assertEquals("node --no-warnings --single-threaded --stack-size=2000 " + build.resolve("wasi-run.mjs")
                + " --map /::" + root
                + " --map /tmp::" + build.resolve("tmp")
                + " --map /usr/local/lib/python3.11::" + src.resolve("Lib")
                + " --map /usr/local/lib/python3.11/lib-dynload::" + build.resolve("build/lib.wasi-wasm32-3.11")
                + " -- " + build.resolve("python.wasm") + " -c 1", line);
    }

    @Test
    void autoPrefersWasmtimeForWasiWhenItIsOnPath() throws Exception {
        GuestRun run = GuestRun.of(layout(Target.WASI), RunnerKind.AUTO, env);
        assertEquals(RunnerKind.WASMTIME, run.kind());
        String line = run.describe(dir, List.of("-V"));
        assertTrue(line.startsWith("wasmtime run --dir " + dir + "::/ --dir "), line);
        assertTrue(line.endsWith(" -- " + build.resolve("python.wasm") + " -V"), line);
    }

    @Test
    void emscriptenNodeRunsPythonJsDirectly() throws Exception {
        String line = GuestRun.of(layout(Target.EMSCRIPTEN_NODE), RunnerKind.AUTO, env).describe(dir, List.of("-V"));
        assertEquals("node --no-experimental-fetch " + build.resolve("python.js") + " -V", line);
    }

    @Test
    void anUnbuiltTargetIsAFailureThatSaysHowToBuildIt() throws Exception {
        Files.delete(build.resolve("python.wasm"));
        WasmBuildException e = assertThrows(WasmBuildException.class,
                () -> GuestRun.of(layout(Target.WASI), RunnerKind.NODE, env).describe(dir, List.of()));
        assertTrue(e.getMessage().contains("{run:build target=wasi}"), e.getMessage());
    }
}
