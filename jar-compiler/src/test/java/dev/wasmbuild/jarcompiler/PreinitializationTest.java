package dev.wasmbuild.jarcompiler;

import dev.wasmbuild.jarcompiler.wasm.WasmBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.make.PreinitEntry;
import dev.wasmbuild.core.packaging.EntryTime;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot run with Chicory's compiler and WASI, on a module written byte by byte whose
 * init export either stores into memory and returns, or exits as CPython does when it cannot
 * start. The run's directory is gone afterwards either way.
 */
class PreinitializationTest {
    private static final String MACHINE = "dev.wasmbuild.test.TinyMachine";
    private static final EntryTime TIME = new EntryTime(Instant.parse("2024-01-01T00:00:00Z"));

    @Test
    void theSnapshotHoldsWhatInitStored(@TempDir Path dir) throws Exception {
        byte[] wasm = module(false);
        Path scratch = dir.resolve("run");
        byte[] snapshot = Preinitialization.snapshot(wasm, Parser.parse(wasm), classes(wasm), MACHINE, stdlib(),
                "3.13", TIME, scratch);
        Instance after = Instance.builder(Parser.parse(snapshot)).withImportValues(procExit()).build();
        assertEquals(42, after.memory().read(2048));
        assertEquals(7, after.memory().read(1024), "the original data");
        assertFalse(Files.exists(scratch));
    }

    @Test
    void anInitThatExitsIsReportedWithItsStatus(@TempDir Path dir) throws Exception {
        byte[] wasm = module(true);
        Path scratch = dir.resolve("run");
        WasmBuildException e = assertThrows(WasmBuildException.class, () -> Preinitialization.snapshot(wasm,
                Parser.parse(wasm), classes(wasm), MACHINE, stdlib(), "3.13", TIME, scratch));
        assertTrue(e.getMessage().startsWith("CPython exited with status 3 while it was being initialised"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("({preinitialize} false makes the jar without a snapshot)"), e.getMessage());
        assertFalse(Files.exists(scratch));
    }

    private static Map<String, byte[]> classes(byte[] wasm) {
        WasmModule module = Parser.parse(wasm);
        return Compiler.builder(module).withClassName(MACHINE).build().compile().classBytes();
    }

    private static ImportValues procExit() {
        return ImportValues.builder().addFunction(new HostFunction("wasi_snapshot_preview1", "proc_exit",
                FunctionType.of(List.of(ValType.I32), List.of()), (instance, args) -> null)).build();
    }

    private static byte[] stdlib() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("python3.13/os.py"));
            zip.write("sep = '/'\n".getBytes());
        }
        return bytes.toByteArray();
    }

    /** Imports proc_exit; the init export stores 42 at 2048, or calls proc_exit(3). */
    private static byte[] module(boolean exits) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        WasmBytes.section(m, 1, bytes(2, 0x60, 1, 0x7f, 0, 0x60, 0, 0)); // (i32)->(), ()->()
        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        imports.write(1);
        WasmBytes.name(imports, "wasi_snapshot_preview1");
        WasmBytes.name(imports, "proc_exit");
        imports.write(0);
        imports.write(0);
        WasmBytes.section(m, 2, imports.toByteArray());
        WasmBytes.section(m, 3, bytes(1, 1));
        WasmBytes.section(m, 5, bytes(1, 0, 1));
        WasmBytes.section(m, 6, bytes(1, 0x7f, 1, 0x41, 0x80, 0x08, 0x0b)); // stack pointer 1024
        ByteArrayOutputStream exports = new ByteArrayOutputStream();
        exports.write(2);
        WasmBytes.name(exports, "memory");
        exports.write(2);
        exports.write(0);
        WasmBytes.name(exports, PreinitEntry.EXPORT);
        exports.write(0);
        exports.write(1);
        WasmBytes.section(m, 7, exports.toByteArray());
        byte[] code = exits
                ? bytes(0x41, 3, 0x10, 0, 0x0b)
                : bytes(0x41, 0x80, 0x10, 0x41, 0x2a, 0x3a, 0, 0, 0x0b);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(1);
        WasmBytes.u32(body, code.length + 1);
        body.write(0);
        body.writeBytes(code);
        WasmBytes.section(m, 10, body.toByteArray());
        WasmBytes.section(m, 11, bytes(1, 0, 0x41, 0x80, 0x08, 0x0b, 1, 7));
        return m.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
