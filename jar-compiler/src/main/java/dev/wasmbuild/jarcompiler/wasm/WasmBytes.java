package dev.wasmbuild.jarcompiler.wasm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The wasm binary format's primitives, shared by the jar compiler's module reader and the
 * splitting pass: a reader over a byte array (LEB128 numbers, names) and the matching writers.
 * A leaf package, so both can use it without depending on each other.
 */
public class WasmBytes {
    public final byte[] b;
    public int pos;

    public WasmBytes(byte[] b, int pos) {
        this.b = b;
        this.pos = pos;
    }

    public boolean more() {
        return pos < b.length;
    }

    public int u8() {
        if (pos >= b.length) {
            throw new IllegalArgumentException("unexpected end of wasm data at byte " + pos);
        }
        return b[pos++] & 0xff;
    }

    public int u32() {
        return (int) leb(35, false);
    }

    /** A signed LEB128 number of up to 64 bits (i32.const and i64.const immediates). */
    public long s64() {
        return leb(70, true);
    }

    private long leb(int maxShift, boolean signed) {
        long result = 0;
        int shift = 0;
        int x;
        do {
            x = u8();
            result |= (long) (x & 0x7f) << shift;
            shift += 7;
        } while ((x & 0x80) != 0 && shift < maxShift);
        if (signed && shift < 64 && (x & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    public String name() {
        int length = u32();
        String s = new String(b, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    public byte[] slice(int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    public static void u32(ByteArrayOutputStream out, long value) {
        long v = value & 0xFFFFFFFFL;
        do {
            int x = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? x | 0x80 : x);
        } while (v != 0);
    }

    public static void s64(ByteArrayOutputStream out, long value) {
        boolean more = true;
        while (more) {
            int x = (int) (value & 0x7f);
            value >>= 7;
            more = !((value == 0 && (x & 0x40) == 0) || (value == -1 && (x & 0x40) != 0));
            out.write(more ? x | 0x80 : x);
        }
    }

    public static void name(ByteArrayOutputStream out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        u32(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    public static void section(ByteArrayOutputStream out, int id, byte[] body) {
        out.write(id);
        u32(out, body.length);
        out.write(body, 0, body.length);
    }
}
