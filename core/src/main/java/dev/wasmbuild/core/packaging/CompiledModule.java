package dev.wasmbuild.core.packaging;

import java.io.ByteArrayOutputStream;
import java.util.Set;

/**
 * The python.wasm a jar needs once its functions are JVM classes: the same module with the body
 * of every compiled function reduced to {@code unreachable} (the classes run instead) and the
 * custom sections dropped except {@code name} (traps keep their function names). The bodies of
 * the functions Chicory left to its interpreter stay. Parsing the module is most of a jar's
 * start-up: CPython 3.13.5's 29 MB python.wasm (DWARF included) parsed in 8.2 s on a busy
 * 2-core machine, this 3.3 MB one in 1.3 s.
 *
 * <p>Only the wasm binary format's section framing and the code section are read; every other
 * section is copied byte for byte.
 */
final class CompiledModule {
    private static final int CUSTOM = 0;
    private static final int IMPORT = 2;
    private static final int CODE = 10;
    /** A body with no locals: {@code unreachable end}. Valid for any function type. */
    private static final byte[] UNREACHABLE_BODY = {3, 0, 0x00, 0x0b};

    private CompiledModule() {
    }

    /**
     * @param wasm the whole module
     * @param interpreted indices (in the function index space, imports first) whose bodies stay
     * @throws IllegalArgumentException when the bytes are not a wasm module this can read
     */
    static byte[] strip(byte[] wasm, Set<Integer> interpreted) {
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new IllegalArgumentException("not a wasm module (no \\0asm header)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(wasm.length / 4);
        out.write(wasm, 0, 8);
        Reader r = new Reader(wasm, 8);
        int importedFunctions = 0;
        while (r.pos < wasm.length) {
            int id = r.u8();
            int size = r.u32();
            int start = r.pos;
            int end = start + size;
            if (end > wasm.length) {
                throw new IllegalArgumentException("section " + id + " runs past the end of the module");
            }
            byte[] body = java.util.Arrays.copyOfRange(wasm, start, end);
            r.pos = end;
            if (id == CUSTOM && !"name".equals(new Reader(body, 0).name())) {
                continue;
            }
            if (id == IMPORT) {
                importedFunctions = importedFunctions(body);
            } else if (id == CODE) {
                body = code(body, importedFunctions, interpreted);
            }
            out.write(id);
            writeU32(out, body.length);
            out.write(body, 0, body.length);
        }
        return out.toByteArray();
    }

    private static int importedFunctions(byte[] section) {
        Reader r = new Reader(section, 0);
        int count = r.u32();
        int functions = 0;
        for (int i = 0; i < count; i++) {
            r.name();
            r.name();
            int kind = r.u8();
            switch (kind) {
                case 0 -> { // function: type index
                    r.u32();
                    functions++;
                }
                case 1 -> { // table: reference type, limits
                    r.u8();
                    r.limits();
                }
                case 2 -> r.limits(); // memory
                case 3 -> { // global: value type, mutability
                    r.u8();
                    r.u8();
                }
                case 4 -> { // tag: attribute, type index
                    r.u8();
                    r.u32();
                }
                default -> throw new IllegalArgumentException("import of unknown kind " + kind);
            }
        }
        return functions;
    }

    private static byte[] code(byte[] section, int importedFunctions, Set<Integer> interpreted) {
        Reader r = new Reader(section, 0);
        int count = r.u32();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeU32(out, count);
        for (int i = 0; i < count; i++) {
            int size = r.u32();
            if (interpreted.contains(importedFunctions + i)) {
                writeU32(out, size);
                out.write(section, r.pos, size);
            } else {
                out.write(UNREACHABLE_BODY, 0, UNREACHABLE_BODY.length);
            }
            r.pos += size;
        }
        return out.toByteArray();
    }

    private static void writeU32(ByteArrayOutputStream out, int value) {
        long v = value & 0xFFFFFFFFL;
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        int u8() {
            return b[pos++] & 0xff;
        }

        int u32() {
            long result = 0;
            int shift = 0;
            int x;
            do {
                x = u8();
                result |= (long) (x & 0x7f) << shift;
                shift += 7;
            } while ((x & 0x80) != 0 && shift < 35);
            return (int) result;
        }

        String name() {
            int length = u32();
            String s = new String(b, pos, length, java.nio.charset.StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        /** Limits: flags, minimum, and a maximum when flag bit 0 is set (bit 2: 64-bit, same encoding). */
        void limits() {
            int flags = u8();
            u32();
            if ((flags & 1) != 0) {
                u32();
            }
        }
    }
}
