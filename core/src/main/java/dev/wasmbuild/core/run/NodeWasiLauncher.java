package dev.wasmbuild.core.run;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** The small node:wasi script (a plugin resource) that runs python.wasm under Node. */
public final class NodeWasiLauncher {
    private static final String RESOURCE = "/dev/wasmbuild/core/launch/wasi-run.mjs";

    private NodeWasiLauncher() {
    }

    /**
     * How node is started for the launcher. Node 20 intermittently dies with SIGSEGV while
     * exiting after a long CPython run (seen with regrtest here, about one run in three),
     * apparently in V8's background compilation threads; --single-threaded has none of those
     * and cost nothing measurable. --stack-size raises V8's limit on the native stack (984 KB by
     * default) that wasm frames share: CPython 3.13's interpreter uses more of it per Python
     * call than 3.11's, and test_json's recursion tests trapped with "Maximum call stack size
     * exceeded" under the default; 2000 KB passes them and stays well inside the 8 MB main
     * thread stack Linux gives by default (V8 must not be told more than the thread has).
     */
    public static List<String> nodeFlags() {
        return List.of("--no-warnings", "--single-threaded", "--stack-size=2000");
    }

    /** Copies the launcher into the build directory (unchanged files keep their mtime). */
    public static Path install(Path buildDirectory) throws WasmBuildException {
        Path target = buildDirectory.resolve("wasi-run.mjs");
        try (InputStream in = NodeWasiLauncher.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new WasmBuildException(RESOURCE + " is missing from the plugin jar");
            }
            AtomicFiles.writeIfChanged(target, in.readAllBytes());
            return target;
        } catch (IOException e) {
            throw WasmBuildException.io("cannot write " + target, Setting.OUTPUT_DIRECTORY, e);
        }
    }
}
