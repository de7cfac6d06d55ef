package dev.wasmbuild.jarcompiler.split;

import dev.wasmbuild.jarcompiler.wasm.WasmBytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of a module the splitter changes, decoded (types, the function and code sections,
 * the function names), and every other section as its bytes, in order. New functions are
 * appended after the last one, so no existing index changes: exports, tables and calls stay.
 */
final class WasmModule {
    private static final int CUSTOM = 0;
    private static final int TYPE = 1;
    private static final int IMPORT = 2;
    private static final int FUNCTION = 3;
    private static final int CODE = 10;

    private final List<int[]> order = new ArrayList<>(); // {id, index into raw or -1}
    private final List<byte[]> raw = new ArrayList<>();
    final List<Types.FuncType> types = new ArrayList<>();
    /** Type index of every function, imports first. */
    final List<Integer> functionTypes = new ArrayList<>();
    int importedFunctions;
    /** Bodies of the defined functions, as encoded. */
    final List<byte[]> bodies = new ArrayList<>();
    /** Function names from the name section (subsection 1); empty without one. */
    final Map<Integer, String> names = new TreeMap<>();
    private byte[] nameSubsectionsBefore;
    private byte[] nameSubsectionsAfter;
    private boolean hasNames;

    WasmModule(byte[] wasm) {
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new IllegalArgumentException("not a wasm module (no \\0asm header)");
        }
        raw.add(java.util.Arrays.copyOf(wasm, 8));
        WasmBytes r = new WasmBytes(wasm, 8);
        List<Integer> definedTypes = new ArrayList<>();
        while (r.more()) {
            int id = r.u8();
            int size = r.u32();
            int start = r.pos;
            r.pos += size;
            WasmBytes s = new WasmBytes(r.slice(start, start + size), 0);
            switch (id) {
                case TYPE -> readTypes(s);
                case IMPORT -> {
                    readImports(s);
                    order.add(new int[] {id, raw.size()});
                    raw.add(s.b);
                    continue;
                }
                case FUNCTION -> {
                    int count = s.u32();
                    for (int i = 0; i < count; i++) {
                        definedTypes.add(s.u32());
                    }
                }
                case CODE -> {
                    int count = s.u32();
                    for (int i = 0; i < count; i++) {
                        int length = s.u32();
                        bodies.add(s.slice(s.pos, s.pos + length));
                        s.pos += length;
                    }
                }
                default -> {
                    String custom = id == CUSTOM ? new WasmBytes(s.b, 0).name() : "";
                    if (custom.equals("name") && !hasNames) {
                        readNames(s);
                        order.add(new int[] {id, -1});
                        continue;
                    }
                    if (custom.startsWith(".debug_")) {
                        continue; // DWARF: its code offsets would be wrong once bodies change
                    }
                    order.add(new int[] {id, raw.size()});
                    raw.add(s.b);
                    continue;
                }
            }
            order.add(new int[] {id, -1});
        }
        functionTypes.addAll(definedTypes);
        if (definedTypes.size() != bodies.size()) {
            throw new IllegalArgumentException("the function and code sections disagree");
        }
    }

    private void readTypes(WasmBytes s) {
        int count = s.u32();
        for (int i = 0; i < count; i++) {
            int form = s.u8();
            if (form != 0x60) {
                throw new BodyCodec.Unsupported("a type of form 0x" + Integer.toHexString(form) + " (GC types)");
            }
            types.add(new Types.FuncType(valTypes(s), valTypes(s)));
        }
    }

    private static byte[] valTypes(WasmBytes s) {
        byte[] v = new byte[s.u32()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) s.u8();
        }
        return v;
    }

    private void readImports(WasmBytes s) {
        int count = s.u32();
        for (int i = 0; i < count; i++) {
            s.name();
            s.name();
            int kind = s.u8();
            switch (kind) {
                case 0 -> {
                    functionTypes.add(s.u32());
                    importedFunctions++;
                }
                case 1 -> {
                    s.u8();
                    limits(s);
                }
                case 2 -> limits(s);
                case 3 -> {
                    s.u8();
                    s.u8();
                }
                case 4 -> {
                    s.u8();
                    s.u32();
                }
                default -> throw new IllegalArgumentException("import of unknown kind " + kind);
            }
        }
    }

    private static void limits(WasmBytes s) {
        int flags = s.u8();
        s.u32();
        if ((flags & 1) != 0) {
            s.u32();
        }
    }

    private void readNames(WasmBytes s) {
        hasNames = true;
        s.name();
        ByteArrayOutputStream pre = new ByteArrayOutputStream();
        ByteArrayOutputStream post = new ByteArrayOutputStream();
        boolean seen = false;
        while (s.more()) {
            int start = s.pos;
            int sub = s.u8();
            int size = s.u32();
            int end = s.pos + size;
            if (sub == 1) {
                int count = s.u32();
                for (int i = 0; i < count; i++) {
                    int index = s.u32();
                    names.put(index, s.name());
                }
                seen = true;
            } else {
                (seen ? post : pre).write(s.b, start, end - start);
            }
            s.pos = end;
        }
        nameSubsectionsBefore = pre.toByteArray();
        nameSubsectionsAfter = post.toByteArray();
    }

    /** The index of this function type, added at the end when the module has none equal. */
    int typeIndex(Types.FuncType type) {
        int i = types.indexOf(type);
        if (i >= 0) {
            return i;
        }
        types.add(type);
        return types.size() - 1;
    }

    Types.FuncType typeOfFunction(int function) {
        return types.get(functionTypes.get(function));
    }

    /** Appends a function; returns its index. */
    int addFunction(int typeIndex, byte[] body, String name) {
        functionTypes.add(typeIndex);
        bodies.add(body);
        int index = functionTypes.size() - 1;
        if (hasNames && name != null) {
            names.put(index, name);
        }
        return index;
    }

    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(raw.get(0), 0, 8);
        for (int[] section : order) {
            byte[] body = switch (section[1] >= 0 ? -1 : section[0]) {
                case -1 -> raw.get(section[1]);
                case TYPE -> encodeTypes();
                case FUNCTION -> encodeFunctions();
                case CODE -> encodeCode();
                case CUSTOM -> encodeNames();
                default -> throw new IllegalStateException("section " + section[0]);
            };
            WasmBytes.section(out, section[0], body);
        }
        return out.toByteArray();
    }

    private byte[] encodeTypes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasmBytes.u32(out, types.size());
        for (Types.FuncType t : types) {
            out.write(0x60);
            WasmBytes.u32(out, t.params().length);
            out.write(t.params(), 0, t.params().length);
            WasmBytes.u32(out, t.results().length);
            out.write(t.results(), 0, t.results().length);
        }
        return out.toByteArray();
    }

    private byte[] encodeFunctions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasmBytes.u32(out, bodies.size());
        for (int i = importedFunctions; i < functionTypes.size(); i++) {
            WasmBytes.u32(out, functionTypes.get(i));
        }
        return out.toByteArray();
    }

    private byte[] encodeCode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasmBytes.u32(out, bodies.size());
        for (byte[] body : bodies) {
            WasmBytes.u32(out, body.length);
            out.write(body, 0, body.length);
        }
        return out.toByteArray();
    }

    private byte[] encodeNames() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasmBytes.name(out, "name");
        out.write(nameSubsectionsBefore, 0, nameSubsectionsBefore.length);
        if (!names.isEmpty()) {
            ByteArrayOutputStream sub = new ByteArrayOutputStream();
            WasmBytes.u32(sub, names.size());
            names.forEach((index, name) -> {
                WasmBytes.u32(sub, index);
                WasmBytes.name(sub, name);
            });
            out.write(1);
            WasmBytes.u32(out, sub.size());
            out.write(sub.toByteArray(), 0, sub.size());
        }
        out.write(nameSubsectionsAfter, 0, nameSubsectionsAfter.length);
        return out.toByteArray();
    }
}
