package dev.wasmbuild.core.make;

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
}
