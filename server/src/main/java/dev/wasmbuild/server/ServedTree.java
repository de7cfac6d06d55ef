package dev.wasmbuild.server;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One directory tree the server hands files out of, and the only way to get a file from it.
 *
 * <p>A request is walked one name at a time from an open handle on the root, each step with
 * NOFOLLOW_LINKS (openat on Linux, through {@link SecureDirectoryStream}), and the file is opened
 * the same way; so swapping a directory for a symlink while requests run cannot make a request
 * leave the tree: the swapped-in link is seen as a link, not followed. A symlink met on the way is
 * served only if its real path lies inside the root, and then by walking that real path's names
 * from the root again, with the same rules. Where the platform has no secure directory streams,
 * the real path is checked instead (which a concurrent swap can race).
 */
public final class ServedTree {

    /** What a request resolves to. */
    public sealed interface Lookup {
    }

    /** A regular file inside the tree, already open; the caller closes the channel. */
    public record Found(Path file, SeekableByteChannel channel) implements Lookup, AutoCloseable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** A directory asked for without the trailing slash; relative links need it, so redirect. */
    public record NeedsSlash() implements Lookup {
    }

    /** Nothing to serve, with the reason for the debug log (never shown to the client). */
    public record Missing(String reason) implements Lookup {
    }

    /** Pages served for a directory, in order of preference. */
    static final List<String> DIRECTORY_PAGES = List.of("index.html", "python.html");

    /** Links followed for one request, as Linux's MAXSYMLINKS. */
    private static final int MAX_LINKS = 40;

    private final Path root;

    /** @param root an existing directory; its real path is taken now */
    public ServedTree(Path root) throws IOException {
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root)) {
            throw new IOException(root + " is not a directory");
        }
    }

    public Path root() {
        return root;
    }

    /** Looks up decoded segments as produced by {@link RequestPath#segments}. */
    public Lookup lookup(List<String> segments) {
        boolean wantsDirectory = segments.isEmpty() || segments.get(segments.size() - 1).isEmpty();
        List<String> names = segments.stream().filter(s -> !s.isEmpty()).toList();
        try {
            return walk(names, wantsDirectory, 0);
        } catch (IOException e) {
            return new Missing("cannot be read: " + e);
        }
    }

    private Lookup walk(List<String> names, boolean wantsDirectory, int links) throws IOException {
        List<DirectoryStream<Path>> open = new ArrayList<>();
        try {
            DirectoryStream<Path> start = Files.newDirectoryStream(root);
            open.add(start);
            if (!(start instanceof SecureDirectoryStream<Path> dir)) {
                return byRealPath(names, wantsDirectory);
            }
            for (int i = 0; i < names.size(); i++) {
                Path name = Path.of(names.get(i));
                boolean last = i == names.size() - 1;
                BasicFileAttributes a;
                try {
                    a = dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                            .readAttributes();
                } catch (IOException e) {
                    return new Missing("does not exist");
                }
                if (a.isSymbolicLink()) {
                    return followLink(names, i, wantsDirectory, links);
                }
                if (a.isDirectory()) {
                    try {
                        dir = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        // Replaced by a link (or removed) since it was looked at.
                        return new Missing("changed while being looked up");
                    }
                    open.add(dir);
                    continue;
                }
                if (!last) {
                    return new Missing("a file where a directory was expected");
                }
                if (wantsDirectory) {
                    return new Missing("a file asked for as a directory");
                }
                if (!a.isRegularFile()) {
                    return new Missing("not a regular file");
                }
                return openFile(dir, name, names);
            }
            if (!wantsDirectory) {
                return new NeedsSlash();
            }
            for (String page : DIRECTORY_PAGES) {
                List<String> withPage = append(names, page);
                Lookup inner = walk(withPage, false, links);
                if (inner instanceof Found) {
                    return inner;
                }
            }
            return new Missing("directory without " + String.join(" or ", DIRECTORY_PAGES));
        } finally {
            for (DirectoryStream<Path> d : open) {
                d.close();
            }
        }
    }

    private Lookup openFile(SecureDirectoryStream<Path> dir, Path name, List<String> names) {
        try {
            SeekableByteChannel ch = dir.newByteChannel(name, Set.of(StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS));
            return new Found(root.resolve(String.join("/", names)), ch);
        } catch (IOException e) {
            return new Missing("changed while being opened");
        }
    }

    /** Serves a link only if it resolves inside the root, by walking its real path from the root again. */
    private Lookup followLink(List<String> names, int at, boolean wantsDirectory, int links) throws IOException {
        if (links >= MAX_LINKS) {
            return new Missing("too many symbolic links");
        }
        Path link = root.resolve(String.join("/", names.subList(0, at + 1)));
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            return new Missing("does not exist");
        }
        if (!real.startsWith(root)) {
            return new Missing("resolves to " + real + ", outside the root");
        }
        List<String> rest = new ArrayList<>();
        for (Path p : root.relativize(real)) {
            if (!p.toString().isEmpty()) {
                rest.add(p.toString());
            }
        }
        rest.addAll(names.subList(at + 1, names.size()));
        return walk(rest, wantsDirectory, links + 1);
    }

    /** For platforms without openat: the real path must lie inside the root. */
    private Lookup byRealPath(List<String> names, boolean wantsDirectory) throws IOException {
        Path candidate = root.resolve(String.join("/", names));
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            return new Missing("does not exist");
        }
        if (!real.startsWith(root)) {
            return new Missing("resolves to " + real + ", outside the root");
        }
        if (Files.isDirectory(real)) {
            if (!wantsDirectory) {
                return new NeedsSlash();
            }
            for (String page : DIRECTORY_PAGES) {
                Lookup inner = byRealPath(append(names, page), false);
                if (inner instanceof Found) {
                    return inner;
                }
            }
            return new Missing("directory without " + String.join(" or ", DIRECTORY_PAGES));
        }
        if (wantsDirectory) {
            return new Missing("a file asked for as a directory");
        }
        if (!Files.isRegularFile(real)) {
            return new Missing("not a regular file");
        }
        return new Found(real, Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }

    /** The page a bare "/" shows, if any, for the start-up message. */
    public String landingPage() {
        for (String page : DIRECTORY_PAGES) {
            if (lookup(List.of(page)) instanceof Found found) {
                try {
                    found.close();
                } catch (IOException e) {
                    // only looked at
                }
                return page;
            }
        }
        return "";
    }

    private static List<String> append(List<String> names, String name) {
        List<String> out = new ArrayList<>(names);
        out.add(name);
        return out;
    }
}
