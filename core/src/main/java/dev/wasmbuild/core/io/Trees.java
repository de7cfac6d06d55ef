package dev.wasmbuild.core.io;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.ProcessExecutor;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Removing directory trees. */
public final class Trees {
    private Trees() {
    }

    /**
     * Deletes a tree without following symbolic links out of it. rm -rf is used because build
     * trees hold tens of thousands of files, where a Java walk is several times slower.
     *
     * @return whether there was anything to delete
     */
    public static boolean delete(Path dir) throws IOException, InterruptedException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Command rm = new Command(List.of("rm", "-rf", "--", dir.toString()), dir.toAbsolutePath().getParent(),
                Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C"));
        ProcessExecutor.Captured c;
        try {
            c = ProcessExecutor.capture(rm, Duration.ofMinutes(10));
        } catch (WasmBuildException e) {
            // The path travels as the exception's file, the reason as its reason, so that the
            // caller's "cannot delete X (setting): <FileErrors.describe>" does not say it twice.
            throw (IOException) new FileSystemException(dir.toString(), null, "rm -rf did not run: "
                    + e.getMessage()).initCause(e);
        }
        if (!c.succeeded() || Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(dir.toString(), null,
                    c.output().isEmpty() ? "rm -rf left it in place" : c.output().strip());
        }
        return true;
    }
}
