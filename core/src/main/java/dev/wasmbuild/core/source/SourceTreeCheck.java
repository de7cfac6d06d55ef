package dev.wasmbuild.core.source;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Out-of-tree builds need a clean source tree: CPython's configure refuses to build in a
 * separate directory when the source directory was itself configured, and stale objects
 * there would be picked up by make's VPATH.
 */
public final class SourceTreeCheck {
    private static final List<String> IN_TREE_MARKERS = List.of("Programs/python.o", "pyconfig.h", "Makefile",
            "config.status");

    private SourceTreeCheck() {
    }

    public static void requireClean(Path source, Setting element) throws ConfigurationException {
        for (String marker : IN_TREE_MARKERS) {
            if (Files.exists(source.resolve(marker))) {
                String clean = Files.isDirectory(source.resolve(".git"))
                        ? "git -C " + source + " clean -fdx  (or: make -C " + source + " distclean)"
                        : "make -C " + source + " distclean";
                throw new ConfigurationException(element, source + " was built in-tree (" + marker
                        + " exists); out-of-tree builds need a clean source tree. Clean it with: " + clean);
            }
        }
    }
}
