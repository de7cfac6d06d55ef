package dev.wasmbuild.core.make;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** make's arguments for the plugin's own make files, read after CPython's Makefile so they win. */
public final class MakeFiles {
    private MakeFiles() {
    }

    /** None: no arguments (make reads Makefile by itself); else -f Makefile, then -f each. */
    public static List<String> arguments(List<String> extraFiles) {
        if (extraFiles.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("-f", "Makefile"));
        for (String file : extraFiles) {
            args.add("-f");
            args.add(file);
        }
        return List.copyOf(args);
    }

    /**
     * Writes one of them into the build directory, only when its text changed, so that make's
     * view of it (and of what depends on it) stays put; returns its name.
     */
    static String write(Path buildDirectory, String name, String text) throws WasmBuildException {
        Path file = buildDirectory.resolve(name);
        try {
            AtomicFiles.writeIfChanged(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw WasmBuildException.io("cannot write " + file, Setting.BUILD_DIRECTORY, e);
        }
        return name;
    }
}
