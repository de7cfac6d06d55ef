package dev.wasmbuild.python;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiPreview1;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps the guest inside its mounts, as wasmtime does: Chicory 1.7.5 refuses a path that starts
 * with ".." but follows a symbolic link wherever it points (a link {@code etclink -> /etc} in a
 * mounted directory made the host's /etc/passwd readable), and it has no read-only directories.
 * This wraps the path functions of WASI: before Chicory sees a path, the host directory it
 * resolves to (every link followed) must lie inside the real path of the mount it came from,
 * or the call fails with EPERM; in a read-only mount anything that would write fails with EROFS.
 * A name the JVM cannot spell in its file-name encoding (sun.jnu.encoding, ASCII under LANG=C)
 * fails with EILSEQ instead of Chicory's misleading EPERM.
 *
 * <p>The guest runs on one thread, so it cannot change a path between the check and Chicory's
 * use of it; another host process that swaps a checked directory for a link in that instant
 * could, which is the limit of doing this above java.nio rather than with openat2/O_NOFOLLOW.
 */
final class FileGuard {
    static final int EILSEQ = 25;
    static final int EPERM = 63;
    static final int EROFS = 69;
    /** Symbolic links followed in one lookup before giving up, as Linux's MAXSYMLINKS. */
    private static final int MAX_LINKS = 40;
    private static final int LOOKUP_FOLLOW = 1;
    private static final long OFLAG_CREAT = 1;
    private static final long OFLAG_TRUNC = 8;
    private static final long RIGHT_FD_WRITE = 1L << 6;
    private static final long RIGHT_FD_ALLOCATE = 1L << 8;
    private static final long RIGHT_FD_FILESTAT_SET_SIZE = 1L << 22;
    private static final long FDFLAG_APPEND = 1;

    /** A host directory as the guest sees it, with the real path its files must stay in. */
    record HostMount(Path root, Path realRoot, boolean readOnly) {
        static HostMount of(Path root, boolean readOnly) throws IOException {
            Path absolute = root.toAbsolutePath().normalize();
            return new HostMount(absolute, absolute.toRealPath(), readOnly);
        }

        boolean contains(Path real) {
            return real.startsWith(realRoot);
        }
    }

    private final List<HostMount> mounts;
    private final Object descriptors;
    private final Method get;
    private final Method directoryPath;
    private final Method filePath;
    private final Class<?> directoryType;
    private final Class<?> fileType;

    private FileGuard(WasiPreview1 wasi, List<HostMount> mounts) {
        this.mounts = List.copyOf(mounts);
        try {
            // Chicory keeps its descriptor table private; the guard needs each descriptor's
            // host path to know where a relative guest path lands.
            Field field = WasiPreview1.class.getDeclaredField("descriptors");
            field.setAccessible(true);
            descriptors = field.get(wasi);
            get = descriptors.getClass().getDeclaredMethod("get", int.class);
            get.setAccessible(true);
            String outer = descriptors.getClass().getName();
            directoryType = Class.forName(outer + "$Directory");
            directoryPath = directoryType.getDeclaredMethod("path");
            directoryPath.setAccessible(true);
            fileType = Class.forName(outer + "$OpenFile");
            filePath = fileType.getDeclaredMethod("path");
            filePath.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Fail closed: without the table nothing could be checked.
            throw new IllegalStateException("this Chicory WASI is not the one wasm-python-runtime was built"
                    + " against (1.7.5): cannot confine python's files to its mounts (" + e + ")", e);
        }
    }

    /** Wraps the path functions of {@code functions} (Chicory's, from {@code wasi}). */
    static HostFunction[] apply(HostFunction[] functions, WasiPreview1 wasi, List<HostMount> mounts) {
        FileGuard guard = new FileGuard(wasi, mounts);
        HostFunction[] out = functions.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = guard.wrap(out[i]);
        }
        return out;
    }

    private HostFunction wrap(HostFunction original) {
        Check check = switch (original.name()) {
            case "path_open" -> this::pathOpen;
            case "path_filestat_get" -> (in, a) -> lookup(in, a[0], a[2], a[3], (a[1] & LOOKUP_FOLLOW) != 0, false);
            case "path_filestat_set_times" -> (in, a) -> lookup(in, a[0], a[2], a[3], (a[1] & LOOKUP_FOLLOW) != 0, true);
            case "path_create_directory", "path_remove_directory", "path_unlink_file" ->
                    (in, a) -> lookup(in, a[0], a[1], a[2], false, true);
            case "path_readlink" -> (in, a) -> lookup(in, a[0], a[1], a[2], false, false);
            case "path_rename" -> (in, a) -> first(lookup(in, a[0], a[1], a[2], false, true),
                    lookup(in, a[3], a[4], a[5], false, true));
            case "path_symlink" -> (in, a) -> first(encodable(in, a[0], a[1]), lookup(in, a[2], a[3], a[4], false, true));
            case "path_link" -> (in, a) -> first(lookup(in, a[0], a[2], a[3], (a[1] & LOOKUP_FOLLOW) != 0, false),
                    lookup(in, a[4], a[5], a[6], false, true));
            case "fd_filestat_set_size", "fd_filestat_set_times", "fd_allocate" -> (in, a) -> openFileWritable(a[0]);
            default -> null;
        };
        if (check == null) {
            return original;
        }
        return new HostFunction(original.module(), original.name(), original.functionType(), (instance, args) -> {
            int refused = check.errno(instance, args);
            return refused != 0 ? new long[] {refused} : original.handle().apply(instance, args);
        });
    }

    @FunctionalInterface
    private interface Check {
        /** 0 to let Chicory do the call, or the errno to answer instead. */
        int errno(Instance instance, long[] args);
    }

    private static int first(int a, int b) {
        return a != 0 ? a : b;
    }

    /** path_open(fd, lookupflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, fd_out) */
    private int pathOpen(Instance instance, long[] a) {
        boolean writes = (a[4] & (OFLAG_CREAT | OFLAG_TRUNC)) != 0
                || (a[5] & (RIGHT_FD_WRITE | RIGHT_FD_ALLOCATE | RIGHT_FD_FILESTAT_SET_SIZE)) != 0
                || (a[7] & FDFLAG_APPEND) != 0;
        return lookup(instance, a[0], a[2], a[3], (a[1] & LOOKUP_FOLLOW) != 0, writes);
    }

    private int encodable(Instance instance, long ptr, long len) {
        String text = instance.memory().readString((int) ptr, (int) len);
        try {
            Path.of("").getFileSystem().getPath(text);
            return 0;
        } catch (InvalidPathException e) {
            return EILSEQ;
        }
    }

    /**
     * The errno for a guest path relative to descriptor fd, or 0 when it stays inside its mount
     * (and the mount is writable, if {@code writes}). Descriptors that are no directory of a
     * mount, and paths Chicory refuses itself (absolute, leading ".."), are left to Chicory.
     */
    private int lookup(Instance instance, long fd, long ptr, long len, boolean follow, boolean writes) {
        Path dir = directory((int) fd);
        if (dir == null) {
            return 0;
        }
        HostMount mount = mountOf(dir);
        if (mount == null) {
            return EPERM;
        }
        String guestPath = instance.memory().readString((int) ptr, (int) len);
        Path relative;
        try {
            relative = dir.getFileSystem().getPath(guestPath);
        } catch (InvalidPathException e) {
            return EILSEQ;
        }
        String normal = relative.normalize().toString();
        if (relative.isAbsolute() || normal.equals("..") || normal.startsWith("../")) {
            return 0;
        }
        if (writes && mount.readOnly()) {
            return EROFS;
        }
        try {
            return inside(mount, dir.resolve(normal), follow) ? 0 : EPERM;
        } catch (IOException e) {
            // A link that cannot be read or a directory that vanished: refuse rather than guess.
            return EPERM;
        }
    }

    /** Whether target, with its links resolved the way the call will resolve them, stays in mount. */
    static boolean inside(HostMount mount, Path target, boolean follow) throws IOException {
        Path probe = target;
        for (int links = 0; links <= MAX_LINKS; links++) {
            if (!follow || !Files.isSymbolicLink(probe)) {
                // Without following, the last name is the link itself: only its directory counts.
                boolean whole = follow || probe.getNameCount() <= mount.root().getNameCount();
                Path parent = probe.getParent();
                return mount.contains(realOfNearestExisting(whole || parent == null ? probe : parent));
            }
            Path parentReal = realOfNearestExisting(probe.getParent());
            if (!mount.contains(parentReal)) {
                return false;
            }
            probe = parentReal.resolve(Files.readSymbolicLink(probe)).normalize();
        }
        return false;
    }

    /** The real path of p, or of its nearest ancestor that exists (for a file about to be made). */
    private static Path realOfNearestExisting(Path p) throws IOException {
        Path probe = p;
        while (probe != null && !Files.exists(probe)) {
            if (Files.isSymbolicLink(probe)) {
                // A dangling link on the way: where it leads is not known to be inside.
                return probe.getFileSystem().getPath("/").toRealPath(LinkOption.NOFOLLOW_LINKS);
            }
            probe = probe.getParent();
        }
        if (probe == null) {
            throw new IOException("no part of " + p + " exists");
        }
        return probe.toRealPath();
    }

    private HostMount mountOf(Path dir) {
        HostMount best = null;
        for (HostMount m : mounts) {
            if (dir.startsWith(m.root()) && (best == null || m.root().getNameCount() > best.root().getNameCount())) {
                best = m;
            }
        }
        return best;
    }

    private Object descriptor(int fd) {
        try {
            return get.invoke(descriptors, fd);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private Path directory(int fd) {
        Object d = descriptor(fd);
        if (!directoryType.isInstance(d)) {
            return null;
        }
        try {
            return ((Path) directoryPath.invoke(d)).toAbsolutePath().normalize();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** EROFS for a file of a read-only mount: its size and times stay as they are. */
    private int openFileWritable(long fd) {
        Object d = descriptor((int) fd);
        if (!fileType.isInstance(d)) {
            return 0;
        }
        try {
            Path file = ((Path) filePath.invoke(d)).toAbsolutePath().normalize();
            HostMount mount = mountOf(file);
            return mount != null && mount.readOnly() ? EROFS : 0;
        } catch (ReflectiveOperationException e) {
            return EPERM;
        }
    }
}
