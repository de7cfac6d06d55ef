package dev.wasmbuild.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The stdlib that travels in the jar as lib.zip, unpacked on first use into
 * {@code <java.io.tmpdir>/wasm-python-<hash>-<user>} (or {@code -Dwasm.python.home=DIR}) and
 * reused by every later run with the same contents.
 *
 * <p>Nobody may change what a later run imports: the guest sees the stdlib read-only
 * ({@link FileGuard}); the directory must belong to this user and be writable by nobody else
 * (another local user could otherwise pre-create it and plant code), else it is refused with a
 * message saying so; its files are made read-only; and on its first use in a JVM every file is
 * checked against the list of names and sizes written beside them when they were unpacked, so a
 * copy that a tmp cleaner thinned out, or that gained or lost code, is unpacked afresh. (The same
 * user can still change the files deliberately, as they could change the jar itself.)
 */
public final class StandardLibrary {
    private static final String ZIP_RESOURCE = PythonJarLayout.STDLIB_ZIP;
    private static final String PROPERTIES_RESOURCE = PythonJarLayout.PROPERTIES;
    /** Inside the stdlib's directory, so it moves into place with it in one rename. */
    static final String CONTENTS = ".wasm-python-contents";

    private static StandardLibrary unpacked;
    private static UserPrincipal currentUser;

    private final String version;
    private final Path directory;

    private StandardLibrary(String version, Path directory) {
        this.version = version;
        this.directory = directory;
    }

    /** "3.11" */
    String version() {
        return version;
    }

    /** The directory holding the stdlib (with lib-dynload inside). */
    Path directory() {
        return directory;
    }

    static synchronized StandardLibrary unpacked() throws IOException {
        if (unpacked == null) {
            Properties p = new Properties();
            try (InputStream in = resource(PROPERTIES_RESOURCE)) {
                p.load(in);
            }
            String version = p.getProperty("version");
            String hash = p.getProperty("lib.sha256").substring(0, 16);
            String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]", "_");
            Path base = Path.of(System.getProperty("wasm.python.home",
                    Path.of(System.getProperty("java.io.tmpdir"), "wasm-python-" + hash + "-" + user).toString()));
            unpacked = new StandardLibrary(version, open(base, "python" + version, () -> {
                try {
                    return resource(ZIP_RESOURCE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return unpacked;
    }

    /**
     * The checked stdlib base/name, unpacked from zip first when it is missing or damaged.
     *
     * @throws IOException naming the directory when it belongs to someone else or others may write to it
     */
    static Path open(Path base, String name, Supplier<InputStream> zip) throws IOException {
        Path lib = base.resolve(name);
        if (Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
            requirePrivate(base, base);
        } else {
            createPrivate(base);
        }
        if (Files.exists(lib, LinkOption.NOFOLLOW_LINKS)) {
            String damage = damage(base, lib);
            if (damage == null) {
                return lib;
            }
            // Ours but not as unpacked: move it aside whole, so no half-deleted tree keeps the name.
            Path aside = ScratchDirectories.create(base, "damaged");
            try {
                Files.move(lib, aside.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                ScratchDirectories.delete(aside);
                throw new IOException("the standard library in " + lib + " is damaged (" + damage
                        + ") and cannot be moved aside to be unpacked again: " + e.getMessage(), e);
            }
            ScratchDirectories.delete(aside);
        }
        unpack(base, lib, zip.get());
        seal(lib);
        String damage = damage(base, lib);
        if (damage != null) {
            throw new IOException("the standard library just unpacked into " + lib + " does not check out ("
                    + damage + "): remove " + base + " or set -Dwasm.python.home to a directory of your own");
        }
        return lib;
    }

    /**
     * Unpacks into a sibling and moves it into place, so a half-written tree is never used.
     * Public for the plugin, which unpacks the same zip the same way for its pre-initialisation
     * run. Closes the zip stream. Leaves no staging directory behind, also when it fails.
     */
    public static void unpack(Path base, Path lib, InputStream zipStream) throws IOException {
        Files.createDirectories(base);
        Path staging = ScratchDirectories.create(base, "unpacking");
        try {
            Path unpackedLib = staging.resolve(lib.getFileName().toString());
            StringBuilder contents = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(zipStream)) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    Path file = staging.resolve(e.getName()).normalize();
                    if (!file.startsWith(staging)) {
                        throw new IOException("lib.zip entry leaves its directory: " + e.getName());
                    }
                    if (!e.isDirectory()) {
                        Files.createDirectories(file.getParent());
                        long size = Files.copy(zip, file);
                        if (file.startsWith(unpackedLib)) {
                            contents.append(size).append('\t').append(unpackedLib.relativize(file)).append('\n');
                        }
                    }
                }
            }
            if (!Files.isDirectory(unpackedLib)) {
                throw new IOException("lib.zip holds no " + lib.getFileName() + "/ directory");
            }
            Files.writeString(unpackedLib.resolve(CONTENTS), contents, StandardCharsets.UTF_8);
            try {
                Files.move(unpackedLib, lib, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // "Directory not empty" comes as a plain FileSystemException on Linux.
                if (!Files.isRegularFile(lib.resolve("os.py"))) {
                    throw e;
                }
                // Another process unpacked the same contents first.
            }
        } finally {
            ScratchDirectories.delete(staging);
        }
    }

    /** Files read-only, directories read-only but for the top one (a later rename needs it). */
    private static void seal(Path lib) throws IOException {
        if (!posix()) {
            return;
        }
        Set<PosixFilePermission> file = PosixFilePermissions.fromString("r--r--r--");
        Set<PosixFilePermission> dir = PosixFilePermissions.fromString("r-xr-xr-x");
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> tree = Files.walk(lib)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.add(p);
                } else {
                    Files.setPosixFilePermissions(p, file);
                }
            }
        }
        for (Path d : dirs) {
            if (!d.equals(lib)) {
                Files.setPosixFilePermissions(d, dir);
            }
        }
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Why lib is not what was unpacked (its contents list, owner, permissions), or null. */
    static String damage(Path base, Path lib) throws IOException {
        Path list = lib.resolve(CONTENTS);
        if (!Files.isRegularFile(list, LinkOption.NOFOLLOW_LINKS)) {
            return "no " + CONTENTS + ": unpacked by an older runtime, or not completely";
        }
        Map<String, Long> expected = new HashMap<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                expected.put(line.substring(tab + 1), Long.parseLong(line.substring(0, tab)));
            }
        }
        int seen = 0;
        try (Stream<Path> tree = Files.walk(lib)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                String why = requirePrivateQuietly(base, p);
                if (why != null) {
                    throw new IOException(why);
                }
                if (Files.isSymbolicLink(p)) {
                    return "a symbolic link " + p;
                }
                if (p.equals(list) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Long size = expected.get(lib.relativize(p).toString());
                if (size == null) {
                    return "a file that was not unpacked: " + p;
                }
                if (size != Files.size(p)) {
                    return p + " has changed";
                }
                seen++;
            }
        }
        return seen == expected.size() ? null : (expected.size() - seen) + " files are missing";
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** base as a new directory only this user can enter. */
    private static void createPrivate(Path base) throws IOException {
        if (base.getParent() != null) {
            Files.createDirectories(base.getParent());
        }
        try {
            if (posix()) {
                Files.createDirectory(base, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(base);
            }
        } catch (FileAlreadyExistsException e) {
            // Made at this moment by another JVM, or by someone else: the check says which.
        }
        requirePrivate(base, base);
    }

    private static void requirePrivate(Path base, Path p) throws IOException {
        String why = requirePrivateQuietly(base, p);
        if (why != null) {
            throw new IOException(why);
        }
    }

    /** Why p may hold someone else's code (owner, write permission for others), or null. */
    private static String requirePrivateQuietly(Path base, Path p) throws IOException {
        if (!posix()) {
            return null;
        }
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = currentUser();
        String fix = ": python will not import code that another user could have planted. Remove " + base
                + " (it is unpacked again), or set -Dwasm.python.home to a directory of your own";
        if (!a.owner().equals(me)) {
            return p + " belongs to " + a.owner().getName() + ", not to " + me.getName() + fix;
        }
        if (a.isSymbolicLink() && p.equals(base)) {
            return p + " is a symbolic link" + fix;
        }
        Set<PosixFilePermission> perms = a.permissions();
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            return p + " is writable by other users (" + PosixFilePermissions.toString(perms) + ")" + fix;
        }
        return null;
    }

    /**
     * The owner of a file this JVM makes: user.name may name nobody (a container's uid without
     * a passwd entry), a new file's owner is always right.
     */
    private static synchronized UserPrincipal currentUser() throws IOException {
        if (currentUser == null) {
            Path probe = Files.createTempFile("wasm-python-owner", "");
            try {
                currentUser = Files.getOwner(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        }
        return currentUser;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = StandardLibrary.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing next to " + StandardLibrary.class.getName()
                    + ": this jar was not made by wasm:jar");
        }
        return in;
    }
}
