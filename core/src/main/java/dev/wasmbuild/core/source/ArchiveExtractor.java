package dev.wasmbuild.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates checked {@link ArchiveEntry}s under a fresh directory, as GNU tar does for a user who
 * is not root, whoever runs Maven: files and directories belong to the running user, get 0644
 * or 0755 (and the umask on top, since the mode is passed to open and mkdir), never setuid,
 * setgid, sticky or world-writable bits.
 *
 * <p>Symbolic links are created last, after the whole archive was checked, so no file is ever
 * written through one; every directory on the way to an entry is checked not to be a link.
 */
final class ArchiveExtractor {
    private static final FileAttribute<?> DIRECTORY_MODE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwxr-xr-x"));
    private static final FileAttribute<?> EXECUTABLE_MODE = DIRECTORY_MODE;
    private static final FileAttribute<?> FILE_MODE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-r--r--"));

    private final Path root;
    private final Set<Path> directories = new HashSet<>();
    private final List<ArchiveEntry> symlinks = new ArrayList<>();
    private final List<ArchiveEntry> directoryEntries = new ArrayList<>();

    /** @param root an empty directory this run created */
    ArchiveExtractor(Path root) {
        this.root = root;
        directories.add(root);
    }

    void create(ArchiveEntry e, InputStream content) throws IOException {
        if (e.kind() == ArchiveEntry.Kind.IGNORED || e.path().isEmpty()) {
            return;
        }
        Path p = resolve(e.path());
        switch (e.kind()) {
            case DIRECTORY -> {
                ensureDirectory(p);
                directoryEntries.add(e);
            }
            case FILE -> {
                ensureDirectory(p.getParent());
                // A second entry of the same name replaces the first, as with tar.
                Files.deleteIfExists(p);
                try (OutputStream out = Channels.newOutputStream(Files.newByteChannel(p,
                        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        e.executable() ? EXECUTABLE_MODE : FILE_MODE))) {
                    content.transferTo(out);
                }
                setModified(p, e);
            }
            case HARDLINK -> {
                ensureDirectory(p.getParent());
                Path target = resolve(e.linkTarget());
                if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("the hard link " + e.path() + " names " + e.linkTarget()
                            + ", which is not a file unpacked before it");
                }
                Files.createLink(p, target);
            }
            case SYMLINK -> symlinks.add(e);
            default -> throw new IllegalStateException(e.kind().toString());
        }
    }

    /** Creates the symbolic links and sets directory times; call once the whole archive was checked. */
    void finish() throws IOException {
        for (ArchiveEntry link : symlinks) {
            Path p = resolve(link.path());
            ensureDirectory(p.getParent());
            Files.createSymbolicLink(p, Path.of(link.linkTarget()));
        }
        // Deepest first, since creating an entry in a directory changes the directory's time.
        directoryEntries.sort(Comparator.comparingInt((ArchiveEntry e) -> e.path().length()).reversed());
        for (ArchiveEntry d : directoryEntries) {
            setModified(resolve(d.path()), d);
        }
    }

    private Path resolve(String path) throws IOException {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            // ArchiveEntry.normalise makes this impossible; a second fence costs nothing.
            throw new IOException(path + " is not inside " + root);
        }
        return p;
    }

    /** Creates every missing directory from the root down; an existing link or file on the way is an error. */
    private void ensureDirectory(Path dir) throws IOException {
        if (directories.contains(dir)) {
            return;
        }
        ensureDirectory(dir.getParent());
        try {
            Files.createDirectory(dir, DIRECTORY_MODE);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(root.relativize(dir) + " is in the way of a directory of the same name", e);
            }
        }
        directories.add(dir);
    }

    private static void setModified(Path p, ArchiveEntry e) throws IOException {
        if (e.modified() != null) {
            Files.setLastModifiedTime(p, e.modified());
        }
    }
}
