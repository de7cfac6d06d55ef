package dev.wasmbuild.core.buildpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.process.StepLog;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cached build Python that no longer works (truncated by a full disk or a killed copy, say)
 * is found out before reuse and built again, and the log says why; before, it was reused
 * forever and every configure failed with "has incompatible version".
 */
class BuildPythonHealTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    @TempDir
    Path dir;

    private final List<String> info = new ArrayList<>();
    private final List<String> warn = new ArrayList<>();

    private StepLog log() {
        return new StepLog(info::add, warn::add, line -> { });
    }

    @Test
    void aTruncatedCachedPythonIsDetectedRebuiltAndTheReasonLogged() throws Exception {
        Path runs = dir.resolve("configure-runs");
        Path source = StubCPython.create(dir.resolve("cpython"), runs);
        BuildPython cache = new BuildPython(dir.resolve("build-python"));
        Path python = cache.ensure(source, 1, ENV, log());

        info.clear();
        assertEquals(python, cache.ensure(source, 1, ENV, log()));
        assertEquals(List.of("Build Python: reusing " + python + " (cached for this CPython source)"), info);
        assertEquals(1, Files.readAllLines(runs).size(), "a working cached one is reused");

        long size = Files.size(python);
        try (RandomAccessFile f = new RandomAccessFile(python.toFile(), "rw")) {
            f.setLength(size - 1); // still runs and prints "3.11.": the recorded size tells
        }
        info.clear();
        assertEquals(python, cache.ensure(source, 1, ENV, log()));
        assertEquals(2, Files.readAllLines(runs).size(), "the damaged one is built again: " + info);
        assertEquals(List.of("Build Python: the cached " + python + " is damaged (it is " + (size - 1) + " bytes, but was "
                + size + " when it was built); deleting it and building it again in " + python.getParent()), warn);
        assertNull(BuildPythonCheck.run(python, source, ENV), "the rebuilt one works");

        warn.clear();
        info.clear();
        cache.ensure(source, 1, ENV, log());
        assertTrue(warn.isEmpty(), warn.toString());
        assertEquals(2, Files.readAllLines(runs).size(), "and is reused from then on");
    }

    @Test
    void sameSizeGarbageIsCaughtByTheRecordedChecksum() throws Exception {
        Path source = StubCPython.create(dir.resolve("cpython"), dir.resolve("runs"));
        BuildPython cache = new BuildPython(dir.resolve("build-python"));
        Path python = cache.ensure(source, 1, ENV, log());
        // The same length, and it still prints the right version: only the checksum can tell.
        Files.writeString(python, "#!/bin/sh\necho " + StubCPython.VERSION + ";");
        cache.ensure(source, 1, ENV, log());
        assertEquals(1, warn.size(), warn.toString());
        assertTrue(warn.get(0).contains("(its SHA-256 differs from the one recorded when it was built (overwritten))"),
                warn.get(0));
    }

    @Test
    void anEntryFromBeforeChecksumsIsJudgedByRunningIt() throws Exception {
        Path runs = dir.resolve("configure-runs");
        Path source = StubCPython.create(dir.resolve("cpython"), runs);
        BuildPython cache = new BuildPython(dir.resolve("build-python"));
        Path python = cache.ensure(source, 1, ENV, log());
        Path marker = python.resolveSibling(".wasm-plugin-complete");
        Files.writeString(marker, source + "\n"); // what earlier versions wrote
        cache.ensure(source, 1, ENV, log());
        assertEquals(1, Files.readAllLines(runs).size(), "a working old entry is kept");
        assertTrue(warn.isEmpty(), warn.toString());

        Files.writeString(marker, source + "\n");
        Files.writeString(python, "#!/bin/sh\nkill -SEGV $$\n");
        cache.ensure(source, 1, ENV, log());
        assertEquals(2, Files.readAllLines(runs).size(), "a crashing old entry is rebuilt");
        assertEquals(List.of("Build Python: the cached " + python + " is damaged (it was killed by signal 11); deleting"
                + " it and building it again in " + python.getParent()), warn);
        assertTrue(Files.readString(marker).contains("\npython "), "the new marker records the checksum");
    }

    @Test
    void aRebuildThatStillDoesNotWorkIsRefusedWithTheReasonAndNotMarkedComplete() throws Exception {
        Path runs = dir.resolve("configure-runs");
        Path source = StubCPython.create(dir.resolve("cpython"), runs);
        // The source says 3.11.2, the interpreter it builds says otherwise.
        Files.writeString(source.resolve("stub-python"), "#!/bin/sh\necho 3.12.0\n");
        BuildPython cache = new BuildPython(dir.resolve("build-python"));
        Path python = cache.directoryFor(source).resolve("python");

        WasmBuildException e = assertThrows(WasmBuildException.class, () -> cache.ensure(source, 1, ENV, log()));
        assertTrue(e.getMessage().startsWith("the build Python just built at " + python + " does not work: it reports"
                + " version '3.12.0', but the source's Include/patchlevel.h says 3.11.2"), e.getMessage());
        assertTrue(e.getMessage().contains(python.resolveSibling("make.log").toString()), e.getMessage());
        assertFalse(Files.exists(python.resolveSibling(".wasm-plugin-complete")), "a later run must try again");
    }

    @Test
    void aCachedBinaryCutShortFailsTheCheck() throws Exception {
        // A real executable truncated, as the held-out probe did to the build Python; the kernel
        // refuses it or it crashes, depending on where the cut falls. Either way it is not reused.
        Path python = dir.resolve("python");
        Files.copy(Path.of("/bin/ls"), python);
        try (RandomAccessFile f = new RandomAccessFile(python.toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        String problem = BuildPythonCheck.run(python, dir, ENV);
        assertNotNull(problem);
    }

    @Test
    void theCheckSaysHowAnInterpreterFailed() throws Exception {
        Path source = StubCPython.create(dir.resolve("cpython"), dir.resolve("runs"));
        Path python = dir.resolve("python");
        StubCPython.executable(python, "#!/bin/sh\necho 'Fatal Python error: init_fs_encoding' >&2\nexit 1\n");
        assertEquals("it exited with code 1: Fatal Python error: init_fs_encoding",
                BuildPythonCheck.run(python, source, ENV));
        StubCPython.executable(python, "#!/bin/sh\nkill -SEGV $$\n");
        assertEquals("it was killed by signal 11", BuildPythonCheck.run(python, source, ENV));
        StubCPython.executable(python, "#!/bin/sh\necho " + StubCPython.VERSION + "\n");
        assertNull(BuildPythonCheck.run(python, source, ENV));
    }
}
