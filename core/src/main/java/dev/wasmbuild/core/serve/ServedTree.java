package dev.wasmbuild.core.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One directory tree the server hands files out of, and the only way to get a file from it.
 *
 * <p>A candidate is resolved to its real path (following every symlink) and must still lie
 * inside the real path of the root; a symlink that points elsewhere is treated as absent.
 */
public final class ServedTree {

    /** What a request resolves to. */
    public sealed interface Lookup {
    }

    /** A regular file inside the tree, by its real path. */
    public record Found(Path file) implements Lookup {
    }

    /** A directory asked for without the trailing slash; relative links need it, so redirect. */
    public record NeedsSlash() implements Lookup {
    }

    /** Nothing to serve, with the reason for the debug log (never shown to the client). */
    public record Missing(String reason) implements Lookup {
    }

    /** Pages served for a directory, in order of preference. */
    static final List<String> DIRECTORY_PAGES = List.of("index.html", "python.html");

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
        Path candidate = root;
        for (String segment : segments) {
            if (!segment.isEmpty()) {
                candidate = candidate.resolve(segment);
            }
        }
        if (!candidate.normalize().startsWith(root)) {
            return new Missing("outside the root before resolving links");
        }
        boolean wantsDirectory = segments.isEmpty() || segments.get(segments.size() - 1).isEmpty();
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
                Lookup inner = lookup(append(segments, page));
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
        return new Found(real);
    }

    /** The page a bare "/" shows, if any, for the start-up message. */
    public String landingPage() {
        for (String page : DIRECTORY_PAGES) {
            if (lookup(List.of(page)) instanceof Found) {
                return page;
            }
        }
        return "";
    }

    private static List<String> append(List<String> directorySegments, String name) {
        List<String> out = new ArrayList<>(directorySegments);
        if (!out.isEmpty()) {
            out.remove(out.size() - 1);
        }
        out.add(name);
        return out;
    }
}
