package dev.wasmbuild.core.toolchain;

import dev.wasmbuild.core.WasmBuildException;

/** No usable toolchain: says what was looked for, where, and how to install one. */
public class ToolchainException extends WasmBuildException {
    private static final long serialVersionUID = 1L;

    public ToolchainException(String message) {
        super(message);
    }
}
