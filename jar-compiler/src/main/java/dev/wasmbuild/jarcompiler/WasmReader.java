package dev.wasmbuild.jarcompiler;

import dev.wasmbuild.jarcompiler.wasm.WasmBytes;
/** Reads a wasm module's sections, limits and imports, on the shared primitives of {@link WasmBytes}. */
final class WasmReader extends WasmBytes {

    WasmReader(byte[] b, int pos) {
        super(b, pos);
    }

    /** The module's bytes after the 8-byte header, once it is checked. */
    static WasmReader module(byte[] wasm) {
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new IllegalArgumentException("not a wasm module (no \\0asm header)");
        }
        return new WasmReader(wasm, 8);
    }

    /** Every section of the module, in order. */
    static java.util.List<Section> sections(byte[] wasm) {
        WasmReader r = module(wasm);
        java.util.List<Section> sections = new java.util.ArrayList<>();
        while (r.more()) {
            sections.add(r.section());
        }
        return sections;
    }

    /** Limits: flags, minimum, and a maximum when flag bit 0 is set (bit 2: 64-bit, same encoding). */
    void limits() {
        int flags = u8();
        u32();
        if ((flags & 1) != 0) {
            u32();
        }
    }

    static final int FUNCTION = 0;
    static final int TABLE = 1;
    static final int MEMORY = 2;
    static final int GLOBAL = 3;

    /** How many imports of each kind an import section holds, by kind (FUNCTION, TABLE, ...). */
    static int[] imports(byte[] section) {
        WasmReader r = new WasmReader(section, 0);
        int count = r.u32();
        int[] kinds = new int[5];
        for (int i = 0; i < count; i++) {
            r.name();
            r.name();
            int kind = r.u8();
            switch (kind) {
                case FUNCTION -> r.u32(); // type index
                case TABLE -> { // reference type, limits
                    r.u8();
                    r.limits();
                }
                case MEMORY -> r.limits();
                case GLOBAL -> { // value type, mutability
                    r.u8();
                    r.u8();
                }
                case 4 -> { // tag: attribute, type index
                    r.u8();
                    r.u32();
                }
                default -> throw new IllegalArgumentException("import of unknown kind " + kind);
            }
            kinds[kind]++;
        }
        return kinds;
    }

    /** The next section's id and body; the position moves past it. */
    Section section() {
        int id = u8();
        int size = u32();
        int start = pos;
        int end = start + size;
        if (size < 0 || end > b.length) {
            throw new IllegalArgumentException("section " + id + " runs past the end of the module");
        }
        pos = end;
        return new Section(id, java.util.Arrays.copyOfRange(b, start, end));
    }

    record Section(int id, byte[] body) {
        static final int CUSTOM = 0;
        static final int IMPORT = 2;
        static final int MEMORY = 5;
        static final int GLOBAL = 6;
        static final int EXPORT = 7;
        static final int CODE = 10;
        static final int DATA = 11;
        static final int DATA_COUNT = 12;
    }
}
