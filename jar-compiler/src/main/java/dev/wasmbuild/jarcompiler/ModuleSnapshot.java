package dev.wasmbuild.jarcompiler;

import dev.wasmbuild.jarcompiler.wasm.WasmBytes;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * A module whose initial state is a running instance's state, as Wizer makes them: the same code,
 * imports, tables and exports (less the export that did the initialising), with the instance's
 * memory as the data segments, its memory size as the minimum, and the values its mutable
 * globals had as their initial values. An instance of the result starts where the original was
 * when it was read.
 *
 * <p>Only what a module built by clang for wasm32-wasi has is supported: one memory of its own,
 * active data segments, numeric globals. Anything else is refused with the reason, so nothing
 * half-copied is ever written.
 */
final class ModuleSnapshot {
    /** Zero runs this long or longer end a data segment; shorter ones are stored as they are. */
    static final int GAP = 64;
    private static final int PAGE = 65536;
    private static final int I32 = 0x7f;
    private static final int I64 = 0x7e;
    private static final int F32 = 0x7d;
    private static final int F64 = 0x7c;
    private static final int END = 0x0b;

    private ModuleSnapshot() {
    }

    /**
     * @param wasm the module the instance was made from
     * @param memory the instance's whole memory (a whole number of 64 KiB pages)
     * @param globals the value of each global by index (imports first), as Chicory holds it:
     *     f32 and f64 as their raw bits
     * @param initExport the export to drop: it has run, and must not run again
     * @throws IllegalArgumentException naming what the module has that a snapshot cannot carry
     */
    static byte[] of(byte[] wasm, byte[] memory, IntToLongFunction globals, String initExport) {
        if (memory.length % PAGE != 0) {
            throw new IllegalArgumentException("memory of " + memory.length + " bytes is not whole pages");
        }
        // Read once: the dead stack needs the globals and data sections before anything is written.
        List<WasmReader.Section> sections = WasmReader.sections(wasm);
        boolean hasData = sections.stream().anyMatch(s -> s.id() == WasmReader.Section.DATA);
        ByteArrayOutputStream out = new ByteArrayOutputStream(wasm.length + memory.length / 4);
        out.write(wasm, 0, 8);
        int importedGlobals = 0;
        boolean exportDropped = false;
        boolean dataWritten = false;
        byte[] data = dataSection(withoutDeadStack(sections, memory, globals));
        for (WasmReader.Section section : sections) {
            byte[] body = section.body();
            switch (section.id()) {
                case WasmReader.Section.IMPORT -> {
                    int[] imports = WasmReader.imports(body);
                    if (imports[WasmReader.MEMORY] > 0) {
                        throw new IllegalArgumentException("the module imports its memory");
                    }
                    importedGlobals = imports[WasmReader.GLOBAL];
                }
                case WasmReader.Section.MEMORY -> body = memorySection(body, memory.length / PAGE);
                case WasmReader.Section.GLOBAL -> body = globalSection(body, importedGlobals, globals);
                case WasmReader.Section.EXPORT -> {
                    byte[] kept = exportSection(body, initExport);
                    exportDropped = kept.length != body.length;
                    body = kept;
                }
                case WasmReader.Section.DATA_COUNT -> body = u32(segmentCount(data));
                case WasmReader.Section.DATA -> {
                    requireActiveOnly(body);
                    body = data;
                    dataWritten = true;
                }
                default -> { }
            }
            WasmBytes.section(out, section.id(), body);
            if (section.id() == WasmReader.Section.CODE && !hasData) {
                WasmBytes.section(out, WasmReader.Section.DATA, data);
                dataWritten = true;
            }
        }
        if (!exportDropped) {
            throw new IllegalArgumentException("the module has no export named " + initExport);
        }
        if (!dataWritten) {
            throw new IllegalArgumentException("the module has no code section");
        }
        return out.toByteArray();
    }

    /**
     * wasm-ld's --stack-first layout (CPython's WASI build links with it) puts the stack below
     * the data, growing down towards 0 from the stack pointer's initial value, global 0. Once the
     * initialising call has returned, the stack pointer is back there and everything below it is
     * dead: it is stored as zeros, not as whatever the calls left behind, which differs from
     * build to build (addresses, clock readings). Without that layout memory is kept as it is.
     */
    private static byte[] withoutDeadStack(List<WasmReader.Section> sections, byte[] memory,
            IntToLongFunction globals) {
        boolean importsGlobals = false;
        long stackTop = -1;
        long lowestData = Long.MAX_VALUE;
        for (WasmReader.Section section : sections) {
            WasmReader body = new WasmReader(section.body(), 0);
            switch (section.id()) {
                case WasmReader.Section.IMPORT ->
                    importsGlobals = WasmReader.imports(section.body())[WasmReader.GLOBAL] > 0;
                case WasmReader.Section.GLOBAL -> {
                    if (!importsGlobals && body.u32() > 0 && body.u8() == I32 && body.u8() == 1) {
                        stackTop = globals.applyAsLong(0) & 0xFFFFFFFFL;
                    }
                }
                case WasmReader.Section.DATA -> {
                    int count = body.u32();
                    for (int i = 0; i < count; i++) {
                        int flags = body.u32();
                        if (flags != 0 || body.u8() != 0x41) {
                            return memory; // not the layout described above; of() says why if it cannot go on
                        }
                        lowestData = Math.min(lowestData, body.s64() & 0xFFFFFFFFL);
                        skipConstantExpression(body);
                        int length = body.u32();
                        body.pos += length;
                    }
                }
                default -> { }
            }
        }
        if (stackTop <= 0 || stackTop > lowestData || stackTop > memory.length) {
            return memory;
        }
        byte[] copy = memory.clone();
        java.util.Arrays.fill(copy, 0, (int) stackTop, (byte) 0);
        return copy;
    }

    /** One memory, not shared, not 64-bit: its minimum becomes the snapshot's size. */
    private static byte[] memorySection(byte[] body, int pages) {
        WasmReader r = new WasmReader(body, 0);
        if (r.u32() != 1) {
            throw new IllegalArgumentException("the module defines more than one memory");
        }
        int flags = r.u8();
        if (flags > 1) {
            throw new IllegalArgumentException("the module's memory is shared or 64-bit (limits flags " + flags + ")");
        }
        int minimum = r.u32();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasmBytes.u32(out, 1);
        out.write(flags);
        WasmBytes.u32(out, Math.max(minimum, pages));
        if (flags == 1) {
            WasmBytes.u32(out, r.u32());
        }
        return out.toByteArray();
    }

    /** Immutable globals are copied; mutable ones start at the value they had. */
    private static byte[] globalSection(byte[] body, int importedGlobals, IntToLongFunction globals) {
        WasmReader r = new WasmReader(body, 0);
        int count = r.u32();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasmBytes.u32(out, count);
        for (int i = 0; i < count; i++) {
            int type = r.u8();
            int mutable = r.u8();
            int exprStart = r.pos;
            skipConstantExpression(r);
            out.write(type);
            out.write(mutable);
            if (mutable == 0) {
                out.write(body, exprStart, r.pos - exprStart);
                continue;
            }
            long value = globals.applyAsLong(importedGlobals + i);
            switch (type) {
                case I32 -> {
                    out.write(0x41);
                    WasmBytes.s64(out, (int) value);
                }
                case I64 -> {
                    out.write(0x42);
                    WasmBytes.s64(out, value);
                }
                case F32 -> {
                    out.write(0x43);
                    littleEndian(out, value, 4);
                }
                case F64 -> {
                    out.write(0x44);
                    littleEndian(out, value, 8);
                }
                default -> throw new IllegalArgumentException(
                        "global " + (importedGlobals + i) + " is mutable and of type 0x" + Integer.toHexString(type));
            }
            out.write(END);
        }
        return out.toByteArray();
    }

    /** Moves past a constant expression: the instructions the spec allows there, then end. */
    private static void skipConstantExpression(WasmReader r) {
        for (int op = r.u8(); op != END; op = r.u8()) {
            switch (op) {
                case 0x41, 0x42 -> r.s64(); // i32.const, i64.const
                case 0x43 -> r.pos += 4; // f32.const
                case 0x44 -> r.pos += 8; // f64.const
                case 0x23, 0xd2 -> r.u32(); // global.get, ref.func
                case 0xd0 -> r.u8(); // ref.null and its type
                case 0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e -> { } // extended constants: add, sub, mul
                default -> throw new IllegalArgumentException(
                        "a global's initial value uses instruction 0x" + Integer.toHexString(op));
            }
        }
    }

    private static byte[] exportSection(byte[] body, String drop) {
        WasmReader r = new WasmReader(body, 0);
        int count = r.u32();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        int keptCount = 0;
        for (int i = 0; i < count; i++) {
            int start = r.pos;
            String name = r.name();
            r.u8();
            r.u32();
            if (!name.equals(drop)) {
                kept.write(body, start, r.pos - start);
                keptCount++;
            }
        }
        if (keptCount == count) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasmBytes.u32(out, keptCount);
        out.write(kept.toByteArray(), 0, kept.size());
        return out.toByteArray();
    }

    /**
     * Passive segments are read by memory.init in the code, by their index, and segments for a
     * second memory have nowhere to go: only active segments of memory 0 can be replaced.
     */
    private static void requireActiveOnly(byte[] body) {
        WasmReader r = new WasmReader(body, 0);
        int count = r.u32();
        for (int i = 0; i < count; i++) {
            int flags = r.u32();
            if (flags != 0) {
                throw new IllegalArgumentException("data segment " + i + " is passive or for another memory"
                        + " (flags " + flags + ")");
            }
            skipConstantExpression(r);
            int length = r.u32();
            r.pos += length;
        }
    }

    /** The non-zero stretches of memory, each an active segment at its address. */
    static byte[] dataSection(byte[] memory) {
        ByteArrayOutputStream segments = new ByteArrayOutputStream(memory.length / 2);
        int count = 0;
        int i = 0;
        while (i < memory.length) {
            while (i < memory.length && memory[i] == 0) {
                i++;
            }
            if (i == memory.length) {
                break;
            }
            int start = i;
            int end = i;
            int zeros = 0;
            while (i < memory.length && zeros < GAP) {
                if (memory[i] == 0) {
                    zeros++;
                } else {
                    zeros = 0;
                    end = i + 1;
                }
                i++;
            }
            segments.write(0); // active, memory 0
            segments.write(0x41); // i32.const
            WasmBytes.s64(segments, start);
            segments.write(END);
            WasmBytes.u32(segments, end - start);
            segments.write(memory, start, end - start);
            count++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(segments.size() + 5);
        WasmBytes.u32(out, count);
        out.write(segments.toByteArray(), 0, segments.size());
        return out.toByteArray();
    }

    private static int segmentCount(byte[] dataSection) {
        return new WasmReader(dataSection, 0).u32();
    }

    private static byte[] u32(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasmBytes.u32(out, value);
        return out.toByteArray();
    }

    private static void littleEndian(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
