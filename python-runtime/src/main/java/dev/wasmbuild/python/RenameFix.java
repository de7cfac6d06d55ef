package dev.wasmbuild.python;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Chicory 1.7.5's path_rename passes COPY_ATTRIBUTES to Files.move, which JDK 17 rejects, so
 * every os.rename/os.replace fails with ENOTSUP. This wraps that host function: when it answers
 * ENOTSUP and both paths are relative to preopened directories, the rename is done here.
 */
final class RenameFix {
    static final int ESUCCESS = 0;
    static final int EACCES = 2;
    static final int EBADF = 8;
    static final int EEXIST = 20;
    static final int EIO = 29;
    static final int ENOENT = 44;
    static final int ENOTEMPTY = 55;
    static final int ENOTSUP = 58;
    /** The first preopen's descriptor: after stdin, stdout and stderr. */
    private static final int FIRST_PREOPEN = 3;

    private RenameFix() {
    }

    /**
     * @param preopens the host directories, in the order they were given to WasiOptions (which
     *     numbers them from descriptor 3)
     */
    static HostFunction[] apply(HostFunction[] functions, List<Path> preopens) {
        HostFunction[] out = functions.clone();
        for (int i = 0; i < out.length; i++) {
            HostFunction original = out[i];
            if (original.name().equals("path_rename")) {
                out[i] = new HostFunction(original.module(), original.name(), original.functionType(),
                        (instance, args) -> {
                            long[] result = original.handle().apply(instance, args);
                            if (result[0] == ENOTSUP) {
                                result = new long[] {rename(instance, args, preopens)};
                            }
                            return result;
                        });
            }
        }
        return out;
    }

    /** path_rename(old_fd, old_ptr, old_len, new_fd, new_ptr, new_len) */
    private static int rename(Instance instance, long[] args, List<Path> preopens) {
        Path from = resolve(preopens, (int) args[0], instance.memory().readString((int) args[1], (int) args[2]));
        Path to = resolve(preopens, (int) args[3], instance.memory().readString((int) args[4], (int) args[5]));
        if (from == null || to == null) {
            return ENOTSUP;
        }
        try {
            move(from, to);
            return ESUCCESS;
        } catch (NoSuchFileException e) {
            return ENOENT;
        } catch (DirectoryNotEmptyException e) {
            return ENOTEMPTY;
        } catch (FileAlreadyExistsException e) {
            return EEXIST;
        } catch (SecurityException e) {
            return EACCES;
        } catch (IOException e) {
            return EIO;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        if (Files.isDirectory(to) && !Files.isDirectory(from)) {
            throw new FileAlreadyExistsException(to.toString());
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The host path, or null when fd is not a preopen or the path leaves it. */
    static Path resolve(List<Path> preopens, int fd, String guestPath) {
        int index = fd - FIRST_PREOPEN;
        if (index < 0 || index >= preopens.size() || guestPath.startsWith("/")) {
            return null;
        }
        Path root = preopens.get(index).toAbsolutePath().normalize();
        Path resolved = root.resolve(guestPath).normalize();
        return resolved.startsWith(root) ? resolved : null;
    }
}
