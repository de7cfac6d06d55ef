package dev.wasmbuild.core.run;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The small node:wasi script (a plugin resource) that runs python.wasm under Node. */
public final class NodeWasiLauncher {
    private static final String RESOURCE = "/dev/wasmbuild/run/wasi-run.mjs";

    private NodeWasiLauncher() {
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
            throw new WasmBuildException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
