package dev.wasmbuild.core.source;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * One tar entry as the plugin will create it: a relative path of plain names, one of four kinds,
 * and no owner or mode bits beyond "executable or not". Anything else an archive can hold
 * (devices, fifos, sparse files, absolute or climbing paths) is refused here, before anything is
 * created, because a CPython release tarball never needs it.
 *
 * @param path '/'-separated names, no "." or ".." or empty names; "" for the archive's "./"
 * @param linkTarget a symlink's target as written, or a hard link's target path (normalised as
 *     {@code path}); null for files and directories
 * @param executable whether any execute bit was set (the file becomes 0755 instead of 0644)
 */
record ArchiveEntry(String path, Kind kind, String linkTarget, boolean executable, FileTime modified) {

    enum Kind { DIRECTORY, FILE, SYMLINK, HARDLINK, IGNORED }

    private static final Setting SETTING = Setting.SOURCE_ARCHIVE;

    static ArchiveEntry of(TarArchiveEntry e) throws ConfigurationException {
        String name = e.getName();
        if (e.isGlobalPaxHeader()) {
            // Global pax headers hold metadata (e.g. git's commit id), not a file.
            return new ArchiveEntry("", Kind.IGNORED, null, false, null);
        }
        String path = normalise(name, name);
        boolean executable = (e.getMode() & 0111) != 0;
        FileTime modified = e.getLastModifiedTime();
        if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            throw refused(name, "is a device or fifo; a source archive holds only files, directories and links");
        }
        if (e.isSparse()) {
            throw refused(name, "is a sparse file, which CPython's release archives never hold");
        }
        if (e.isSymbolicLink()) {
            String target = e.getLinkName();
            if (target == null || target.isEmpty() || target.startsWith("/") || target.indexOf('\0') >= 0) {
                throw refused(name, "is a symbolic link to '" + target + "'; only relative links inside the"
                        + " archive are unpacked");
            }
            if (path.isEmpty() || path.indexOf('/') < 0) {
                throw refused(name, "is a symbolic link at the top of the archive; the source tree must be a"
                        + " real directory");
            }
            return new ArchiveEntry(path, Kind.SYMLINK, target, false, modified);
        }
        if (e.isLink()) {
            String target = normalise(e.getLinkName(), name);
            if (target.isEmpty()) {
                throw refused(name, "is a hard link to the archive's root");
            }
            return new ArchiveEntry(path, Kind.HARDLINK, target, executable, modified);
        }
        if (e.isDirectory()) {
            return new ArchiveEntry(path, Kind.DIRECTORY, null, true, modified);
        }
        byte flag = e.getLinkFlag();
        if (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG) {
            if (path.isEmpty()) {
                throw refused(name, "is a file without a name");
            }
            return new ArchiveEntry(path, Kind.FILE, null, executable, modified);
        }
        throw refused(name, "has the tar entry type '" + (char) flag + "', which is not a file, directory or link");
    }

    /**
     * The path as plain names. Leading "./" and doubled slashes are harmless and dropped, as tar
     * does; an absolute path or a ".." anywhere is refused rather than repaired (GNU tar strips a
     * leading "/", but an archive that needs it is not a CPython release).
     */
    static String normalise(String path, String entryName) throws ConfigurationException {
        if (path == null || path.startsWith("/") || path.indexOf('\0') >= 0) {
            throw refused(entryName, "has an absolute or empty path '" + path + "'");
        }
        List<String> names = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw refused(entryName, "has '..' in its path '" + path + "'; nothing may be unpacked outside"
                        + " the archive's own directory");
            }
            names.add(part);
        }
        return String.join("/", names);
    }

    static ConfigurationException refused(String entryName, String why) {
        return new ConfigurationException(SETTING, "the entry '" + entryName + "' " + why
                + "; refusing to unpack " + Setting.SOURCE_ARCHIVE + " (use an unmodified CPython release tarball)");
    }
}
