package dev.wasmbuild.jarcompiler;


import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the wasm binary format's primitives: LEB128 numbers, names and whole sections. */
final class WasmWriter {
    private WasmWriter() {
    }

    static void u32(ByteArrayOutputStream out, int value) {
        long v = value & 0xFFFFFFFFL;
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    /** Signed LEB128 (i32.const and i64.const immediates). */
    static void s64(ByteArrayOutputStream out, long value) {
        boolean more = true;
        while (more) {
            int b = (int) (value & 0x7f);
            value >>= 7;
            more = !((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0));
            out.write(more ? b | 0x80 : b);
        }
    }

    static void name(ByteArrayOutputStream out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        u32(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    static void section(ByteArrayOutputStream out, int id, byte[] body) {
        out.write(id);
        u32(out, body.length);
        out.write(body, 0, body.length);
    }
}
