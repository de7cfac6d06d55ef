package dev.wasmbuild.core.run;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.build.BuildLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The directories a WASI CPython sees. The stdlib goes where the default prefix (/usr/local)
 * makes CPython look for it, so no PYTHONHOME or PYTHONPATH is needed; wasi-libc resolves a
 * path against the longest matching mount, so these nest under the root mount.
 */
public final class WasiFilesystem {
    private WasiFilesystem() {
    }

    /**
     * @param root what the program sees as "/" and as its working directory
     */
    public static List<GuestMount> mounts(BuildLayout layout, Path root) throws WasmBuildException {
        Path tmp = layout.buildDirectory().resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot create " + tmp, Setting.OUTPUT_DIRECTORY, e);
        }
        return List.of(
                new GuestMount("/", root),
                new GuestMount("/tmp", tmp),
                new GuestMount(layout.guestStdlib(), layout.stdlib()),
                new GuestMount(layout.guestStdlib() + "/lib-dynload", layout.platformLibrary()));
    }
}
