package dev.wasmbuild.jarcompiler;

import dev.wasmbuild.jarcompiler.wasm.WasmBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A module written byte by byte, run in Chicory's interpreter, snapshotted, and run again: the
 * snapshot must start where the first instance was, less its dead stack and its init export.
 */
class ModuleSnapshotTest {
    private static final int STACK_TOP = 1024;

    @Test
    void theSnapshotStartsWhereTheInstanceWas() {
        byte[] wasm = module(0);
        Instance first = Instance.builder(Parser.parse(wasm)).build();
        first.export("init").apply();
        assertEquals(0xEE, load(first, 16), "init leaves something on the (dead) stack");

        byte[] memory = first.memory().readBytes(0, first.memory().pages() * 65536);
        byte[] snapshot = ModuleSnapshot.of(wasm, memory, i -> first.global(i).getValue(), "init");
        Instance second = Instance.builder(Parser.parse(snapshot)).build();

        assertEquals(2, second.memory().pages(), "memory.grow's page is there from the start");
        assertEquals(42, load(second, 2048), "a store of init");
        assertEquals(9, load(second, 65544), "a store into the grown page");
        assertEquals(3, load(second, STACK_TOP + 2), "the original data segment");
        assertEquals(0, load(second, 16), "the stack below the stack pointer is stored as zeros");
        assertEquals(7L, second.export("glob").apply()[0], "a mutable global starts at its value");
        assertEquals(STACK_TOP, second.global(0).getValue(), "the stack pointer is as it was");
        assertEquals(Double.doubleToRawLongBits(1.5), second.global(2).getValue(), "an immutable global is copied");
        assertThrows(RuntimeException.class, () -> second.export("init"), "the init export is gone");
    }

    @Test
    void onlyNonZeroStretchesAreStored() {
        byte[] memory = new byte[65536];
        memory[10] = 1;
        memory[10 + ModuleSnapshot.GAP - 1] = 2; // a gap shorter than GAP: one segment
        memory[5000] = 3; // far away: a second one
        WasmReader r = new WasmReader(ModuleSnapshot.dataSection(memory), 0);
        assertEquals(2, r.u32());
    }

    @Test
    void passiveDataSegmentsAreRefused() {
        byte[] wasm = module(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModuleSnapshot.of(wasm, new byte[65536], i -> 0, "init"));
        assertTrue(e.getMessage().contains("data segment 0 is passive"), e.getMessage());
    }

    @Test
    void aMissingInitExportIsSaid() {
        byte[] wasm = module(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModuleSnapshot.of(wasm, new byte[65536], i -> STACK_TOP, "wizer-initialize"));
        assertTrue(e.getMessage().contains("no export named wizer-initialize"), e.getMessage());
    }

    private static int load(Instance instance, int address) {
        return (int) instance.export("load").apply(address)[0];
    }

    /**
     * Globals: 0 the stack pointer (mutable i32, 1024), 1 mutable i64 0, 2 immutable f64 1.5.
     * Data: [1, 2, 3] at 1024, active (flags 0) or passive (flags 1). init stores 0xEE at 16
     * (the stack), 42 at 2048, sets global 1 to 7, grows memory by a page and stores 9 at 65544.
     */
    private static byte[] module(int dataFlags) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(m, 1, bytes(3, 0x60, 0, 0, 0x60, 1, 0x7f, 1, 0x7f, 0x60, 0, 1, 0x7e)); // types
        section(m, 3, bytes(3, 0, 1, 2)); // functions: init, load, glob
        section(m, 5, bytes(1, 0, 1)); // memory: min 1 page
        ByteArrayOutputStream globals = new ByteArrayOutputStream();
        globals.writeBytes(bytes(3, 0x7f, 1, 0x41, 0x80, 0x08, 0x0b, 0x7e, 1, 0x42, 0, 0x0b, 0x7c, 0, 0x44));
        long half = Double.doubleToRawLongBits(1.5);
        for (int i = 0; i < 8; i++) {
            globals.write((int) (half >>> (8 * i)) & 0xff);
        }
        globals.write(0x0b);
        section(m, 6, globals.toByteArray());
        ByteArrayOutputStream exports = new ByteArrayOutputStream();
        exports.write(3);
        export(exports, "init", 0);
        export(exports, "load", 1);
        export(exports, "glob", 2);
        section(m, 7, exports.toByteArray());
        if (dataFlags != 0) {
            section(m, 12, bytes(1)); // data count, which passive segments need
        }
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(3);
        body(code, bytes(
                0x41, 0x10, 0x41, 0xee, 0x01, 0x3a, 0, 0, // *(u8*)16 = 0xEE
                0x41, 0x80, 0x10, 0x41, 0x2a, 0x3a, 0, 0, // *(u8*)2048 = 42
                0x42, 0x07, 0x24, 0x01, // global 1 = 7
                0x41, 0x01, 0x40, 0x00, 0x1a, // memory.grow 1
                0x41, 0x88, 0x80, 0x04, 0x41, 0x09, 0x3a, 0, 0, // *(u8*)65544 = 9
                0x0b));
        body(code, bytes(0x20, 0, 0x2d, 0, 0, 0x0b)); // load8_u(param 0)
        body(code, bytes(0x23, 1, 0x0b)); // global 1
        section(m, 10, code.toByteArray());
        section(m, 11, dataFlags == 0
                ? bytes(1, 0, 0x41, 0x80, 0x08, 0x0b, 3, 1, 2, 3)
                : bytes(1, 1, 3, 1, 2, 3));
        return m.toByteArray();
    }

    private static void section(ByteArrayOutputStream m, int id, byte[] body) {
        WasmBytes.section(m, id, body);
    }

    private static void export(ByteArrayOutputStream out, String name, int function) {
        WasmBytes.name(out, name);
        out.write(0);
        out.write(function);
    }

    private static void body(ByteArrayOutputStream out, byte[] instructions) {
        WasmBytes.u32(out, instructions.length + 1);
        out.write(0); // no locals
        out.writeBytes(instructions);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
