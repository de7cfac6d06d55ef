package dev.wasmbuild.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.Hashing;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small hostile archives, built at test time; no CPython file is involved. */
class SourceArchiveTest {
    // The shape of configure's module switches (PY_STDLIB_MOD expands to these tests).
    private static final String CONFIGURE = "#! /bin/sh\nPACKAGE_VERSION='3.11'\n"
            + "if test \"$py_cv_module_zlib\" != \"n/a\"; then :; fi\n"
            + "if test \"$py_cv_module__bz2\" != \"n/a\"; then :; fi\n";
    private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path dir;

    /** One tar entry to write. */
    record E(String name, byte type, String link, int mode, String content, long uid) {
        static E dir(String name) {
            return new E(name, TarConstants.LF_DIR, null, 0755, null, 0);
        }

        static E file(String name, String content) {
            return new E(name, TarConstants.LF_NORMAL, null, 0644, content, 0);
        }

        static E file(String name, String content, int mode) {
            return new E(name, TarConstants.LF_NORMAL, null, mode, content, 0);
        }

        static E symlink(String name, String target) {
            return new E(name, TarConstants.LF_SYMLINK, target, 0777, null, 0);
        }

        static E hardlink(String name, String target) {
            return new E(name, TarConstants.LF_LINK, target, 0644, null, 0);
        }

        static E special(String name, byte type) {
            return new E(name, type, null, 0666, null, 0);
        }
    }

    private static List<E> release(E... extra) {
        List<E> entries = new ArrayList<>(List.of(E.dir("Python-3.11.9/"),
                E.file("Python-3.11.9/configure", CONFIGURE, 0755),
                E.dir("Python-3.11.9/Include/"),
                E.file("Python-3.11.9/Include/patchlevel.h", "#define PY_VERSION \"3.11.9\"\n"),
                E.dir("Python-3.11.9/Lib/"),
                E.file("Python-3.11.9/Lib/os.py", "import sys\n")));
        entries.addAll(List.of(extra));
        return entries;
    }

    private Path archive(String name, List<E> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream compressed = name.endsWith(".xz") ? new XZCompressorOutputStream(raw)
                        : new GzipCompressorOutputStream(raw);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (E e : entries) {
                TarArchiveEntry te = new TarArchiveEntry(e.name(), e.type(), true);
                te.setMode(e.mode());
                te.setModTime(OLD);
                te.setUserId(e.uid());
                te.setGroupId(e.uid());
                if (e.link() != null) {
                    te.setLinkName(e.link());
                }
                byte[] content = e.content() == null ? new byte[0] : e.content().getBytes(StandardCharsets.UTF_8);
                te.setSize(e.type() == TarConstants.LF_NORMAL ? content.length : 0);
                tar.putArchiveEntry(te);
                if (e.type() == TarConstants.LF_NORMAL) {
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    private Path work() {
        return dir.resolve("out/sources");
    }

    private static String message(Exception e) {
        return e.getMessage();
    }

    private void assertNothingWritten() throws IOException {
        assertFalse(Files.exists(dir.resolve("out")), "nothing may be written for a refused archive");
    }

    private ConfigurationException refused(List<E> entries) throws IOException {
        Path tgz = archive("Python-3.11.9.tgz", entries);
        String sha = Hashing.file(tgz);
        // Pinning the sha256 does not make a hostile archive acceptable.
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> SourceArchive.unpack(tgz, sha, work()));
        assertEquals(Setting.SOURCE_ARCHIVE, e.setting());
        assertNothingWritten();
        return e;
    }

    @Test
    void aReleaseUnpacksAsForAPlainUserWithTimesKept() throws Exception {
        Path tgz = archive("Python-3.11.9.tgz", release(E.file("Python-3.11.9/setuid", "x", 06777),
                new E("Python-3.11.9/owned", TarConstants.LF_NORMAL, null, 0666, "y", 4242),
                E.symlink("Python-3.11.9/Lib/alias.py", "os.py"),
                E.hardlink("Python-3.11.9/Lib/same.py", "Python-3.11.9/Lib/os.py")));
        Path root = SourceArchive.unpack(tgz, Hashing.file(tgz), work());

        assertEquals(work().resolve("Python-3.11.9-" + Hashing.file(tgz).substring(0, 12)).resolve("Python-3.11.9"),
                root);
        assertTrue(Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS));
        assertEquals("import sys\n", Files.readString(root.resolve("Lib/alias.py")));
        assertTrue(Files.isSymbolicLink(root.resolve("Lib/alias.py")));
        assertEquals("import sys\n", Files.readString(root.resolve("Lib/same.py")));
        assertEquals(OLD, Files.getLastModifiedTime(root.resolve("configure")), "make compares these times");
        assertEquals(OLD, Files.getLastModifiedTime(root.resolve("Lib")));

        Set<PosixFilePermission> setuid = Files.getPosixFilePermissions(root.resolve("setuid"));
        assertTrue(setuid.contains(PosixFilePermission.OWNER_EXECUTE));
        assertFalse(setuid.contains(PosixFilePermission.OTHERS_WRITE) || setuid.contains(PosixFilePermission.GROUP_WRITE),
                setuid::toString);
        int mode = (Integer) Files.getAttribute(root.resolve("setuid"), "unix:mode");
        assertEquals(0, mode & 07000, "no setuid, setgid or sticky bit: " + Integer.toOctalString(mode));
        assertFalse(Files.getPosixFilePermissions(root.resolve("owned")).contains(PosixFilePermission.OTHERS_WRITE));
        assertFalse(Files.getPosixFilePermissions(root.resolve("Lib/os.py")).contains(PosixFilePermission.OWNER_EXECUTE));
        // Whoever runs Maven (root included) owns what is unpacked, never the archive's uid.
        assertEquals(Files.getOwner(dir), Files.getOwner(root.resolve("owned")));
        assertEquals(Files.getAttribute(dir, "unix:uid"), Files.getAttribute(root.resolve("owned"), "unix:uid"));
    }

    @Test
    void inspectReadsTheVersionAndModulesFromTheArchiveWithoutWritingAnything() throws Exception {
        Path tgz = archive("Python-3.11.9.tgz", release());
        CPythonSource source = SourceArchive.inspect(tgz, null, work());
        assertEquals("3.11", source.version().toString());
        assertEquals(Set.of("zlib", "_bz2"), source.moduleSwitches());
        // The release (which decides the site file) comes from the archive's patchlevel.h too.
        assertEquals("3.11.9", source.release(Setting.SOURCE_ARCHIVE).toString());
        assertEquals(Setting.SOURCE_ARCHIVE, source.element());
        assertNothingWritten();
        assertEquals(source.root(), source.onDisk().root());
        assertTrue(Files.isRegularFile(source.root().resolve("configure")));
        // A second run reuses the tree without unpacking again.
        Files.writeString(source.root().resolve("Lib/os.py"), "kept");
        assertEquals("kept", Files.readString(SourceArchive.unpack(tgz, null, work()).resolve("Lib/os.py")));
    }

    @Test
    void tarXzIsReadToo() throws Exception {
        Path txz = archive("Python-3.11.9.tar.xz", release());
        assertEquals("3.11", SourceArchive.inspect(txz, null, work()).version().toString());
        assertTrue(Files.isRegularFile(SourceArchive.unpack(txz, null, work()).resolve("Lib/os.py")));
    }

    @Test
    void aWrongSha256IsRefusedBeforeAnythingIsWritten() throws Exception {
        Path tgz = archive("Python-3.11.9.tgz", release());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> SourceArchive.inspect(tgz, "0".repeat(64), work()));
        assertEquals(Setting.SOURCE_ARCHIVE_SHA256, e.setting());
        assertNothingWritten();
    }

    @Test
    void aTopLevelSymlinkIsRefusedEvenWithTheSha256Pinned() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("configure"), CONFIGURE);
        ConfigurationException e = refused(List.of(E.symlink("Python-3.11.9", elsewhere.toString())));
        assertTrue(message(e).contains("'Python-3.11.9'") && message(e).contains("{sourceArchive}"), message(e));
        e = refused(List.of(E.symlink("Python-3.11.9", "elsewhere"), E.dir("elsewhere/")));
        assertTrue(message(e).contains("top of the archive"), message(e));
    }

    @Test
    void symlinksThatLeaveTheArchiveAreRefused() throws Exception {
        assertTrue(message(refused(release(E.symlink("Python-3.11.9/Lib/x", "../../../outside"))))
                .contains("leads outside the archive"));
        assertTrue(message(refused(release(E.symlink("Python-3.11.9/Lib/x", "/etc/passwd"))))
                .contains("only relative links"));
        // Lexically a/b/../l/../.. is "a/..", inside; the kernel follows l first and climbs out.
        assertTrue(message(refused(release(E.dir("Python-3.11.9/a/b/"), E.symlink("Python-3.11.9/a/l", ".."),
                E.symlink("Python-3.11.9/a/b/m", "../l/../../..")))).contains("leads outside the archive"));
        assertTrue(message(refused(release(E.symlink("Python-3.11.9/p", "q"), E.symlink("Python-3.11.9/q", "p"))))
                .contains("loop"));
    }

    @Test
    void nothingIsUnpackedThroughALinkOrIntoAFile() throws Exception {
        assertTrue(message(refused(release(E.symlink("Python-3.11.9/Lib/sub", "."),
                E.file("Python-3.11.9/Lib/sub/evil.py", "x")))).contains("beneath a symbolic link"));
        assertTrue(message(refused(release(E.file("Python-3.11.9/Lib/os.py/inner", "x"))))
                .contains("beneath a file"));
    }

    @Test
    void hardLinksMustNameAFileUnpackedBeforeThem() throws Exception {
        assertTrue(message(refused(release(E.hardlink("Python-3.11.9/passwd", "/etc/passwd")))).contains("absolute"));
        assertTrue(message(refused(release(E.hardlink("Python-3.11.9/passwd", "../../etc/passwd"))))
                .contains("'..'"));
        assertTrue(message(refused(release(E.hardlink("Python-3.11.9/h", "Python-3.11.9/later"),
                E.file("Python-3.11.9/later", "x")))).contains("not a file unpacked before it"));
    }

    @Test
    void devicesFifosAndBadPathsAreRefused() throws Exception {
        assertTrue(message(refused(release(E.special("Python-3.11.9/null", TarConstants.LF_CHR))))
                .contains("device or fifo"));
        assertTrue(message(refused(release(E.special("Python-3.11.9/disk", TarConstants.LF_BLK))))
                .contains("device or fifo"));
        assertTrue(message(refused(release(E.special("Python-3.11.9/pipe", TarConstants.LF_FIFO))))
                .contains("device or fifo"));
        assertTrue(message(refused(release(E.file("/tmp/evil", "x")))).contains("absolute"));
        assertTrue(message(refused(release(E.file("Python-3.11.9/../../evil", "x")))).contains("'..'"));
    }

    @Test
    void exactlyOneTopDirectoryWithAConfigureScript() throws Exception {
        assertTrue(message(refused(release(E.file("README", "x")))).contains("top level holds Python-3.11.9, README"));
        ConfigurationException e = refused(List.of(E.dir("Python-3.11.9/"), E.file("Python-3.11.9/README", "x")));
        assertTrue(message(e).contains("no Python-3.11.9/configure"), message(e));
    }

    @Test
    void anUnpackedTreeSwappedForALinkIsNotBuiltFrom() throws Exception {
        Path tgz = archive("Python-3.11.9.tgz", release());
        Path root = SourceArchive.unpack(tgz, null, work());
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("configure"), CONFIGURE);
        moveAway(root);
        Files.createSymbolicLink(root, elsewhere);
        WasmBuildException e = assertThrows(WasmBuildException.class, () -> SourceArchive.unpack(tgz, null, work()));
        assertTrue(e.getMessage().contains("is not a directory with a configure script inside"), e.getMessage());
    }

    @Test
    void noPartialDirectoryIsLeftBehind() throws Exception {
        Path tgz = archive("Python-3.11.9.tgz", release());
        SourceArchive.unpack(tgz, null, work());
        try (Stream<Path> s = Files.list(work())) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names::toString);
            assertFalse(names.get(0).endsWith(".partial"), names::toString);
        }
    }

    private static void moveAway(Path tree) throws IOException {
        Files.move(tree, tree.resolveSibling(tree.getFileName() + ".moved"));
    }
}
