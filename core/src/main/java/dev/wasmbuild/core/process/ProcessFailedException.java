package dev.wasmbuild.core.process;

import dev.wasmbuild.core.WasmBuildException;
import java.nio.file.Path;
import java.util.List;

/** A process that exited non-zero, with what a user needs to see why. */
public class ProcessFailedException extends WasmBuildException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public ProcessFailedException(String what, List<String> command, Path directory, int exitCode, String details) {
        super(what + " failed with exit code " + exitCode + "\n  command:   " + String.join(" ", command)
                + "\n  directory: " + directory + (details == null || details.isBlank() ? "" : "\n" + details));
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
