package dev.wasmbuild.core.source;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The checks that need the whole archive: what each path is, that nothing is unpacked beneath
 * a file or a link, that hard links name a file unpacked before them, that every symbolic link
 * resolves inside the archive, and that there is exactly one top directory.
 *
 * <p>Symbolic links are resolved the way the kernel will (each "..", applied after following
 * the links met on the way), not by lexical normalisation: {@code a/l -> ..} followed by
 * {@code a/b/m -> ../l/..} looks harmless lexically but climbs out of the root.
 */
final class ArchiveListing {
    /** Links followed while resolving one target, as Linux's MAXSYMLINKS. */
    private static final int MAX_LINKS = 40;

    private final Map<String, ArchiveEntry> byPath = new HashMap<>();
    private final TreeSet<String> topNames = new TreeSet<>();

    /** Checks what can be checked as soon as the entry is read. */
    void add(ArchiveEntry e) throws ConfigurationException {
        if (e.kind() == ArchiveEntry.Kind.IGNORED || e.path().isEmpty()) {
            return;
        }
        ArchiveEntry earlier = byPath.get(e.path());
        if (earlier != null && !(earlier.kind() == e.kind()
                && (e.kind() == ArchiveEntry.Kind.FILE || e.kind() == ArchiveEntry.Kind.DIRECTORY))) {
            throw ArchiveEntry.refused(e.path(), "appears twice, once as " + describe(earlier) + " and once as "
                    + describe(e));
        }
        if (e.kind() == ArchiveEntry.Kind.HARDLINK) {
            ArchiveEntry target = byPath.get(e.linkTarget());
            if (target == null || target.kind() != ArchiveEntry.Kind.FILE) {
                throw ArchiveEntry.refused(e.path(), "is a hard link to '" + e.linkTarget() + "', which is not a"
                        + " file unpacked before it");
            }
        }
        byPath.put(e.path(), e);
        int slash = e.path().indexOf('/');
        topNames.add(slash < 0 ? e.path() : e.path().substring(0, slash));
    }

    /**
     * Checks the archive as a whole, once every entry has been added.
     *
     * @return the name of the one top directory
     */
    String checkComplete() throws ConfigurationException {
        for (String path : byPath.keySet()) {
            for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                ArchiveEntry parent = byPath.get(path.substring(0, i));
                if (parent != null && parent.kind() != ArchiveEntry.Kind.DIRECTORY) {
                    throw ArchiveEntry.refused(path, "lies beneath " + describe(parent) + " '" + parent.path()
                            + "'; nothing is unpacked through a link or into a file");
                }
            }
        }
        for (ArchiveEntry e : byPath.values()) {
            if (e.kind() == ArchiveEntry.Kind.SYMLINK) {
                resolveInside(e);
            }
        }
        if (topNames.size() != 1) {
            throw new ConfigurationException(Setting.SOURCE_ARCHIVE, Setting.SOURCE_ARCHIVE + " should hold one directory (such as"
                    + " Python-3.11.2/) with the source tree in it, but its top level holds "
                    + (topNames.isEmpty() ? "nothing" : String.join(", ", topNames)));
        }
        String top = topNames.first();
        ArchiveEntry topEntry = byPath.get(top);
        if (topEntry != null && topEntry.kind() != ArchiveEntry.Kind.DIRECTORY) {
            throw ArchiveEntry.refused(top, "is " + describe(topEntry) + "; the source tree must be a real directory");
        }
        return top;
    }

    /** Follows a symbolic link through the archive's own entries; it must never climb above the root. */
    private void resolveInside(ArchiveEntry link) throws ConfigurationException {
        Deque<String> at = new ArrayDeque<>();
        String[] parent = link.path().split("/");
        for (int i = 0; i < parent.length - 1; i++) {
            at.addLast(parent[i]);
        }
        int[] followed = {0};
        walk(link, at, link.linkTarget(), followed);
    }

    private void walk(ArchiveEntry link, Deque<String> at, String target, int[] followed)
            throws ConfigurationException {
        if (target.startsWith("/")) {
            throw ArchiveEntry.refused(link.path(), "is a symbolic link that leads to an absolute path");
        }
        for (String name : target.split("/")) {
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (at.isEmpty()) {
                    throw ArchiveEntry.refused(link.path(), "is a symbolic link to '" + link.linkTarget()
                            + "', which leads outside the archive");
                }
                at.removeLast();
                continue;
            }
            at.addLast(name);
            ArchiveEntry hop = byPath.get(String.join("/", at));
            if (hop != null && hop.kind() == ArchiveEntry.Kind.SYMLINK) {
                if (++followed[0] > MAX_LINKS) {
                    throw ArchiveEntry.refused(link.path(), "is a symbolic link in a loop of links");
                }
                at.removeLast();
                walk(link, at, hop.linkTarget(), followed);
            }
        }
    }

    private static String describe(ArchiveEntry e) {
        return switch (e.kind()) {
            case DIRECTORY -> "a directory";
            case FILE -> "a file";
            case SYMLINK -> "a symbolic link";
            case HARDLINK -> "a hard link";
            case IGNORED -> "metadata";
        };
    }
}
