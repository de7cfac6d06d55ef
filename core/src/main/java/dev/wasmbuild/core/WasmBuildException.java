package dev.wasmbuild.core;

/**
 * A failure of the build itself (a process that failed, a toolchain that does not work), as
 * opposed to a configuration the user has to fix ({@link ConfigurationException}).
 */
public class WasmBuildException extends Exception {
    private static final long serialVersionUID = 1L;

    public WasmBuildException(String message) {
        super(message);
    }

    public WasmBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
