package dev.wasmbuild.core.process;

import dev.wasmbuild.core.process.RunCommand;

import dev.wasmbuild.core.WasmBuildException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program the user is talking to: its stdin, stdout and stderr are the console's, so
 * output passes through unchanged and interactive use works.
 */
public final class ForegroundProcess {
    private ForegroundProcess() {
    }

    /** @return the program's exit status */
    public static int run(RunCommand command, Map<String, String> environment)
            throws WasmBuildException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command.command()).directory(command.directory().toFile()).inheritIO();
        pb.environment().putAll(environment);
        pb.environment().putAll(command.environment());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new WasmBuildException("cannot start " + command.command().get(0) + " in " + command.directory()
                    + ": " + e.getMessage(), e);
        }
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            destroyTree(process);
            throw e;
        }
    }

    /** Children first, so none is left orphaned and still running after Maven stops. */
    public static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException again) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
