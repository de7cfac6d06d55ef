package dev.wasmbuild.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

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
        Process p = new ProcessBuilder(List.of("rm", "-rf", "--", dir.toString())).redirectErrorStream(true).start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0 || Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("cannot delete " + dir + (out.isEmpty() ? "" : ": " + out));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        return true;
    }
}
