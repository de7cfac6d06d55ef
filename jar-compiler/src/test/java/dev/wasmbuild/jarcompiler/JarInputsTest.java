package dev.wasmbuild.jarcompiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.packaging.EntryTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code mvn package} with nothing changed keeps the Python jar instead of compiling and
 * pre-initialising it again; any changed input (the module, the stdlib, a setting, the jar
 * itself) makes it write the jar, and the log says which. The "build" here is a few files: the
 * decision is made before anything is compiled.
 */
class JarInputsTest {
    private static final EntryTime TIME = EntryTime.DEFAULT;

    @TempDir
    Path dir;

    private BuildLayout layout;
    private Path jar;
    private final List<String> info = new ArrayList<>();
    private final List<String> warn = new ArrayList<>();

    @BeforeEach
    void finishedBuild() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/Lib"));
        Files.writeString(src.resolve("os.py"), "sep = '/'\n");
        Path build = Files.createDirectories(dir.resolve("build"));
        Files.createDirectories(build.resolve("build/lib.wasi-wasm32-3.13"));
        Files.writeString(build.resolve("build/lib.wasi-wasm32-3.13/_sysconfigdata__wasi_wasm32-wasi.py"), "x = 1\n");
        Files.writeString(build.resolve("pybuilddir.txt"), "build/lib.wasi-wasm32-3.13\n");
        Files.write(build.resolve("python.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 42});
        layout = new BuildLayout(Target.WASI, new PythonVersion(3, 13), dir.resolve("src"), build);
        jar = dir.resolve("target/app-python-wasi.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "the jar an earlier run wrote");
    }

    private JarInputs inputs(boolean preinitialized) throws Exception {
        return JarInputs.of(layout, jar, TIME, layout.pythonWasm(), preinitialized);
    }

    private String reason() throws Exception {
        return inputs(false).reasonToWrite().orElse("none");
    }

    @Test
    void unchangedInputsKeepTheJarAndAnyChangeSaysWhy() throws Exception {
        assertTrue(reason().startsWith("no record of an earlier jar ("), reason());
        inputs(false).write(Optional.empty());
        assertEquals("none", reason());

        assertTrue(inputs(true).reasonToWrite().orElseThrow().startsWith("pre-initialised changed (was false, now true)"));
        assertTrue(JarInputs.of(layout, jar, new EntryTime(Instant.ofEpochSecond(1_700_000_000)), layout.pythonWasm(),
                false).reasonToWrite().orElseThrow().startsWith("entry time changed"));

        Path os = layout.stdlib().resolve("os.py");
        Files.setLastModifiedTime(os, FileTime.fromMillis(Files.getLastModifiedTime(os).toMillis() + 2000));
        assertTrue(reason().startsWith("stdlib changed"), reason());
        inputs(false).write(Optional.empty());

        Files.write(layout.pythonWasm(), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 43});
        assertTrue(reason().startsWith("module sha256 changed"), reason());
        inputs(false).write(Optional.empty());
        assertEquals("none", reason());

        Files.writeString(jar, "replaced by hand");
        assertTrue(reason().startsWith(jar + " is not the one written last (was "), reason());
        inputs(false).write(Optional.empty());
        Files.delete(jar);
        assertTrue(reason().endsWith(", now missing)"), reason());
    }

    @Test
    void anUnchangedJarIsKeptWithoutCompilingAndItsWarningRepeated() throws Exception {
        inputs(false).write(Optional.of("Chicory could not compile these functions:\nf"));
        byte[] before = Files.readAllBytes(jar);
        long modified = Files.getLastModifiedTime(jar).toMillis();

        // python.wasm here is not a module Chicory could compile: keeping the jar must not try.
        assertFalse(PythonJar.write(layout, jar, TIME, false, info::add, warn::add));
        assertEquals(List.of("Jar up to date, kept: " + jar + " (the same module, stdlib, settings and plugin code as"
                + " when it was written)"), info);
        assertEquals(List.of("Chicory could not compile these functions:\nf"), warn);
        assertArrayEquals(before, Files.readAllBytes(jar));
        assertEquals(modified, Files.getLastModifiedTime(jar).toMillis());
    }

    @Test
    void aChangedInputWritesTheJarAndTheRecordGoesFirst() throws Exception {
        inputs(false).write(Optional.empty());
        Files.write(layout.pythonWasm(), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 7});
        // Writing starts (and fails on the stub module): the record is gone, so an interrupted
        // write is not taken for a finished one next time.
        WasmBuildException e = assertThrows(WasmBuildException.class,
                () -> PythonJar.write(layout, jar, TIME, false, info::add, warn::add));
        assertTrue(e.getMessage().startsWith("Chicory cannot read"), e.getMessage());
        assertTrue(info.get(0).startsWith("Writing " + jar + ": module sha256 changed (was "), info.toString());
        assertFalse(Files.exists(layout.buildDirectory().resolve(JarInputs.FILE)));
    }
}
