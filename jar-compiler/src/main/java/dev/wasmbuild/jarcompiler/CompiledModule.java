package dev.wasmbuild.jarcompiler;

import dev.wasmbuild.jarcompiler.wasm.WasmBytes;
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
    private static final int CUSTOM = WasmReader.Section.CUSTOM;
    private static final int IMPORT = WasmReader.Section.IMPORT;
    private static final int CODE = WasmReader.Section.CODE;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(wasm.length / 4);
        out.write(wasm, 0, 8);
        int importedFunctions = 0;
        for (WasmReader.Section section : WasmReader.sections(wasm)) {
            int id = section.id();
            byte[] body = section.body();
            if (id == CUSTOM && !"name".equals(new WasmReader(body, 0).name())) {
                continue;
            }
            if (id == IMPORT) {
                importedFunctions = WasmReader.imports(body)[WasmReader.FUNCTION];
            } else if (id == CODE) {
                body = code(body, importedFunctions, interpreted);
            }
            WasmBytes.section(out, id, body);
        }
        return out.toByteArray();
    }

    private static byte[] code(byte[] section, int importedFunctions, Set<Integer> interpreted) {
        WasmReader r = new WasmReader(section, 0);
        int count = r.u32();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasmBytes.u32(out, count);
        for (int i = 0; i < count; i++) {
            int size = r.u32();
            if (interpreted.contains(importedFunctions + i)) {
                WasmBytes.u32(out, size);
                out.write(section, r.pos, size);
            } else {
                out.write(UNREACHABLE_BODY, 0, UNREACHABLE_BODY.length);
            }
            r.pos += size;
        }
        return out.toByteArray();
    }
}
