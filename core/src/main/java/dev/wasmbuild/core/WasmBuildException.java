package dev.wasmbuild.core;

import java.io.IOException;
import java.util.Optional;

/**
 * A failure of the build itself (a process that failed, a toolchain that does not work, a file
 * that cannot be written), as opposed to a configuration the user has to fix
 * ({@link ConfigurationException}). When a setting decides where the failure happened (the
 * directory that cannot be written, say), it carries that setting.
 */
public class WasmBuildException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Setting setting;

    public WasmBuildException(String message) {
        this(message, null, null);
    }

    public WasmBuildException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public WasmBuildException(String message, Setting setting, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /**
     * The one shape of a file-system failure: {@code "cannot write /x/y ({outputDirectory}):
     * permission denied (AccessDeniedException: /x/y)"}.
     *
     * @param what what could not be done, e.g. {@code "cannot write " + file}
     * @param setting the setting that decides the path, or null when none does
     */
    public static WasmBuildException io(String what, Setting setting, IOException e) {
        return new WasmBuildException(what + (setting == null ? "" : " (" + setting + ")") + ": "
                + FileErrors.describe(e), setting, e);
    }

    /** A file-system failure no setting decides (a resource of the plugin, a temporary file). */
    public static WasmBuildException io(String what, IOException e) {
        return io(what, null, e);
    }

    /** The setting that decides where the build failed, if one does. */
    public Optional<Setting> setting() {
        return Optional.ofNullable(setting);
    }
}
