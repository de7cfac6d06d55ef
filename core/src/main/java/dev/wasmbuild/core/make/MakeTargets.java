package dev.wasmbuild.core.make;

import dev.wasmbuild.core.Action;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What make is asked to do for a cross build: the make files the plugin adds for this target,
 * CPython release and toolchain (each written into the build directory, each said in the log
 * with its reason), then "all", then the extra programs. The toolchain is asked what it lacks,
 * never which toolchain it is.
 */
public final class MakeTargets {
    private MakeTargets() {
    }

    /** Writes (or removes) the added make files and returns make's arguments after -j. */
    public static List<String> write(Target target, PythonVersion version, Toolchain toolchain, Path buildDirectory,
            Consumer<String> info) throws WasmBuildException {
        List<String> makeFiles = new ArrayList<>();
        if (CompactEvalLoop.appliesTo(target, version)) {
            info.accept("make: Python/ceval.o is compiled for size (" + CompactEvalLoop.FILE + ") so that"
                    + " CPython " + version + "'s eval loop stays one JVM method for " + Action.JAR);
            makeFiles.add(CompactEvalLoop.write(buildDirectory));
        }
        if (BinasciiWithoutZlibPort.update(buildDirectory, toolchain.missingPorts().contains("zlib"))) {
            info.accept("make: binascii is compiled without zlib's crc32 (" + BinasciiWithoutZlibPort.FILE
                    + "): configure links it with emscripten's zlib port, which cannot be downloaded here and"
                    + " has no zlibSource to be seeded from");
            makeFiles.add(BinasciiWithoutZlibPort.FILE);
        }
        boolean preinit = PreinitEntry.appliesTo(target);
        if (preinit) {
            info.accept("make: also links " + PreinitEntry.PROGRAM + " (" + PreinitEntry.FILE + "), python"
                    + " with an entry that " + Action.JAR + " runs at build time so the jar starts with CPython initialised");
            makeFiles.add(PreinitEntry.write(buildDirectory));
        }
        List<String> targets = new ArrayList<>(MakeFiles.arguments(makeFiles));
        targets.add("all");
        if (preinit) {
            targets.add(PreinitEntry.PROGRAM);
        }
        return targets;
    }
}
