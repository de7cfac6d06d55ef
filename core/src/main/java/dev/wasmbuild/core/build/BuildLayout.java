package dev.wasmbuild.core.build;

import dev.wasmbuild.core.Action;
import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.FileErrors;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.source.CPythonSource;
import dev.wasmbuild.python.PythonJarLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a finished build keeps what the runners need. */
public record BuildLayout(Target target, PythonVersion version, Path sourceDirectory, Path buildDirectory) {

    /** The layout for {@code source} (a pending archive's root is where it will be unpacked). */
    public static BuildLayout of(Target target, CPythonSource source, Path buildDirectory)
            throws ConfigurationException {
        return new BuildLayout(target, source.version(), source.root(), buildDirectory);
    }

    /**
     * Requires a finished build, then unpacks a source still in its archive: a goal that finds
     * no build writes nothing. onDisk() unpacks to {@link #sourceDirectory()}, so this layout holds.
     */
    public BuildLayout finished(CPythonSource source)
            throws ConfigurationException, WasmBuildException, InterruptedException {
        requireBuilt();
        source.onDisk();
        return this;
    }

    public Path pythonWasm() {
        return buildDirectory.resolve("python.wasm");
    }

    /** python.wasm with the entry wasm:jar pre-initialises it through (wasi builds, the make package's PreinitEntry). */
    public Path preinitWasm() {
        return buildDirectory.resolve("python-preinit.wasm");
    }

    public Path pythonJs() {
        return buildDirectory.resolve("python.js");
    }

    /** The pure-Python standard library, used straight from the source tree. */
    public Path stdlib() {
        return sourceDirectory.resolve("Lib");
    }

    /** The guest path where CPython looks for its stdlib with the default prefix. */
    public String guestStdlib() {
        return PythonJarLayout.guestStdlib(version.major() + "." + version.minor());
    }

    /**
     * The build's platform directory (build/lib.wasi-wasm32-3.11 and the like), which holds
     * _sysconfigdata; make records its name in pybuilddir.txt.
     */
    public Path platformLibrary() throws WasmBuildException {
        Path marker = buildDirectory.resolve("pybuilddir.txt");
        try {
            return buildDirectory.resolve(Files.readString(marker, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new WasmBuildException("cannot read " + marker + " (" + FileErrors.describe(e)
                    + "); the build looks unfinished: run " + Action.BUILD.command() + " first");
        }
    }

    /** The program a runner starts: python.wasm for WASI, python.js for Emscripten on node. */
    public Path program() {
        return target == Target.WASI ? pythonWasm() : pythonJs();
    }

    public void requireBuilt() throws WasmBuildException {
        if (!Files.isRegularFile(program())) {
            throw new WasmBuildException("there is no " + program().getFileName() + " in " + buildDirectory
                    + "; build the " + target + " target first (" + Action.BUILD.command(Setting.TARGET, target.id()) + ")");
        }
    }
}
