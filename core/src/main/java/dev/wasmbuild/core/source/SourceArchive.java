package dev.wasmbuild.core.source;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.AtomicFiles;
import dev.wasmbuild.core.io.Hashing;
import dev.wasmbuild.core.io.Trees;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A CPython release tarball (.tgz, .tar.gz, .tar.xz), checked against an optional sha256 and
 * unpacked once, in Java, so every entry is checked before anything is created (see
 * {@link ArchiveEntry}, {@link ArchiveListing}, {@link ArchiveExtractor}).
 *
 * <p>{@link #inspect} reads the whole archive without writing anything: the sha256, every
 * entry, and the configure script, whose version and module names let the site plan be checked
 * before the first file is unpacked. The unpacked tree appears only complete, by renaming a
 * directory private to this run, so an interrupted unpack is simply redone and two runs never
 * delete each other's work.
 */
public final class SourceArchive {
    /** Written last into an unpacked tree; without it the directory is not used. */
    static final String UNPACKED = ".wasm-plugin-unpacked";
    private static final String PATCHLEVEL = "Include/patchlevel.h";
    /** configure is about 1 MB; anything far bigger is not CPython's. */
    private static final int MAX_CONFIGURE_BYTES = 16 << 20;

    private SourceArchive() {
    }

    /**
     * Checks the settings without unpacking anything: a supported archive name, an existing
     * file, and a SHA-256 that is 64 hex digits when given.
     *
     * @return the archive's base name (without the archive extension)
     */
    public static String check(Path archive, String sha256) throws ConfigurationException {
        String name = archive.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String base;
        if (lower.endsWith(".tar.gz") || lower.endsWith(".tar.xz")) {
            base = name.substring(0, name.length() - 7);
        } else if (lower.endsWith(".tgz")) {
            base = name.substring(0, name.length() - 4);
        } else {
            throw new ConfigurationException(Setting.SOURCE_ARCHIVE, name + " is not a .tgz, .tar.gz or .tar.xz archive");
        }
        if (!Files.isRegularFile(archive)) {
            throw new ConfigurationException(Setting.SOURCE_ARCHIVE, archive + " does not exist");
        }
        if (sha256 != null && !sha256.isBlank() && !sha256.trim().matches("[0-9a-fA-F]{64}")) {
            throw new ConfigurationException(Setting.SOURCE_ARCHIVE_SHA256, "'" + sha256.trim() + "' is not a SHA-256"
                    + " (64 hexadecimal digits)");
        }
        return base;
    }

    /**
     * Reads and checks the whole archive, writing nothing: the settings, the sha256, every entry,
     * one top directory with a configure script.
     *
     * @return the source as it will be once unpacked under {@code workDirectory}; its
     *     {@link CPythonSource#onDisk()} unpacks it
     */
    public static CPythonSource inspect(Path archive, String sha256, Path workDirectory)
            throws ConfigurationException, WasmBuildException {
        String base = check(archive, sha256);
        Scan scan = scan(archive, null);
        requireSha256(archive, sha256, scan.sha256());
        String configure = scan.configureTexts().get(scan.top());
        if (configure == null) {
            throw new ConfigurationException(Setting.SOURCE_ARCHIVE, archive + " has no " + scan.top() + "/configure"
                    + " file; is it a CPython source release?");
        }
        Path dir = workDirectory.resolve(base + "-" + scan.sha256().substring(0, 12));
        Path root = dir.resolve(scan.top());
        return CPythonSource.pending(root, configure, scan.configureTexts().get(scan.top() + "/" + PATCHLEVEL),
                Setting.SOURCE_ARCHIVE,
                () -> unpackInto(archive, scan.sha256(), dir, scan.top()));
    }

    /** {@link #inspect}, then unpack (once). @return the top directory of the unpacked source */
    public static Path unpack(Path archive, String sha256, Path workDirectory)
            throws ConfigurationException, WasmBuildException, InterruptedException {
        return inspect(archive, sha256, workDirectory).onDisk().root();
    }

    private static void requireSha256(Path archive, String expected, String actual) throws ConfigurationException {
        if (expected != null && !expected.isBlank() && !expected.trim().equalsIgnoreCase(actual)) {
            throw new ConfigurationException(Setting.SOURCE_ARCHIVE_SHA256, "the sha256 of " + archive + " is " + actual
                    + ", not " + expected.trim());
        }
    }

    private static Path unpackInto(Path archive, String sha256, Path dir, String top)
            throws ConfigurationException, WasmBuildException, InterruptedException {
        Path workDirectory = dir.getParent();
        try {
            if (Files.isRegularFile(dir.resolve(UNPACKED), LinkOption.NOFOLLOW_LINKS)) {
                return checkedTree(dir, top);
            }
            Files.createDirectories(workDirectory);
            // A tree without its marker was left by an older plugin version; trees of this one appear complete.
            Trees.delete(dir);
            Path partial = privateDirectory(workDirectory, dir.getFileName().toString());
            try {
                Scan scan = scan(archive, partial);
                // The archive is read twice; a file swapped in between must not be unpacked under the first's name.
                if (!scan.sha256().equals(sha256) || !scan.top().equals(top)) {
                    throw new ConfigurationException(Setting.SOURCE_ARCHIVE, archive + " changed while it was being read"
                            + " (its sha256 is now " + scan.sha256() + "); run the build again");
                }
                Files.writeString(partial.resolve(UNPACKED), archive + "\n", StandardCharsets.UTF_8);
                try {
                    AtomicFiles.moveIntoPlace(partial, dir);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    // A concurrent run finished first with the same archive; its tree is as good as ours.
                }
            } finally {
                Trees.delete(partial);
            }
            return checkedTree(dir, top);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot unpack " + archive + " into " + dir, Setting.OUTPUT_DIRECTORY, e);
        }
    }

    private static Path privateDirectory(Path parent, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createDirectory(parent.resolve(name + "." + random + ".partial"));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * The tree to build from must be a real directory inside the unpack area, not a link that a
     * later change (or a hostile archive) put there.
     */
    private static Path checkedTree(Path dir, String top) throws IOException, WasmBuildException {
        Path tree = dir.resolve(top);
        if (!Files.isDirectory(tree, LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(tree.resolve("configure"), LinkOption.NOFOLLOW_LINKS)
                || !tree.toRealPath().startsWith(dir.toRealPath())) {
            throw new WasmBuildException(tree + " is not a directory with a configure script inside " + dir
                    + "; delete " + dir + " and build again");
        }
        return tree;
    }

    /** What one pass over the archive found. */
    private record Scan(String sha256, String top, Map<String, String> configureTexts) {
    }

    /** Reads the archive once: checks every entry and, when {@code into} is given, creates it there. */
    private static Scan scan(Path archive, Path into) throws ConfigurationException, WasmBuildException {
        MessageDigest digest = Hashing.sha256();
        ArchiveListing listing = new ArchiveListing();
        ArchiveExtractor extractor = into == null ? null : new ArchiveExtractor(into);
        Map<String, String> configureTexts = new HashMap<>();
        String top;
        // The digest sits below the buffer: decompressors mark and reset what they read, and a
        // reset must not feed the same bytes to the digest twice.
        try (InputStream raw = new BufferedInputStream(new DigestInputStream(Files.newInputStream(archive), digest),
                1 << 16); TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(archive, raw))) {
            for (TarArchiveEntry te; (te = tar.getNextEntry()) != null;) {
                ArchiveEntry e = ArchiveEntry.of(te);
                listing.add(e);
                if (extractor != null) {
                    extractor.create(e, tar);
                } else if (e.kind() == ArchiveEntry.Kind.FILE && e.path().endsWith("/configure")
                        && e.path().indexOf('/') == e.path().length() - "/configure".length()) {
                    configureTexts.put(e.path().substring(0, e.path().indexOf('/')), readConfigure(tar, e));
                } else if (e.kind() == ArchiveEntry.Kind.FILE && e.path().endsWith("/" + PATCHLEVEL)
                        && e.path().indexOf('/') == e.path().length() - PATCHLEVEL.length() - 1) {
                    // The release decides the site file; it is read here so nothing is unpacked to know it.
                    configureTexts.put(e.path().substring(0, e.path().indexOf('/')) + "/" + PATCHLEVEL,
                            readConfigure(tar, e));
                }
            }
            top = listing.checkComplete();
            if (extractor != null) {
                extractor.finish();
            }
            // The digest must cover the whole file, trailing blocks included.
            tar.transferTo(OutputStream.nullOutputStream());
            raw.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw WasmBuildException.io("cannot read " + archive, Setting.SOURCE_ARCHIVE, e);
        }
        return new Scan(HexFormat.of().formatHex(digest.digest()), top, configureTexts);
    }

    private static InputStream decompressed(Path archive, InputStream raw) throws IOException {
        String lower = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".xz") ? new XZCompressorInputStream(raw) : new GzipCompressorInputStream(raw, true);
    }

    private static String readConfigure(InputStream in, ArchiveEntry e) throws IOException, ConfigurationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0;) {
            if (out.size() + n > MAX_CONFIGURE_BYTES) {
                throw ArchiveEntry.refused(e.path(), "is larger than " + (MAX_CONFIGURE_BYTES >> 20) + " MB,"
                        + " which no CPython configure script is");
            }
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
