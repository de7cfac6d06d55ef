package dev.wasmbuild.jarcompiler.split;

import dev.wasmbuild.jarcompiler.wasm.WasmBytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small assembler for the tests: functions written as flat wasm text (one instruction and its
 * immediates after another, {@code block i32 ... end}, numeric immediates only), assembled into a
 * module with one page of memory, each function exported under its name and named in the name
 * section.
 */
final class Wat {
    private record Fn(String name, String params, String results, String locals, String body) {
    }

    private final List<Fn> functions = new ArrayList<>();

    /** @param signature like {@code "i32 i64 -> i32"}; @param locals like {@code "i32 i32 f64"} */
    Wat func(String name, String signature, String locals, String body) {
        String[] s = signature.split("->", -1);
        functions.add(new Fn(name, s[0].trim(), s[1].trim(), locals.trim(), body));
        return this;
    }

    private static final Map<String, Integer> VALTYPES = Map.of("i32", 0x7f, "i64", 0x7e, "f32", 0x7d, "f64", 0x7c);
    /** Mnemonic -> opcode and kind of immediates: n none, b block type, u u32, s signed, t table, m memarg. */
    private static final Map<String, String> OPS = Map.ofEntries(
            Map.entry("unreachable", "00n"), Map.entry("nop", "01n"), Map.entry("block", "02b"),
            Map.entry("loop", "03b"), Map.entry("if", "04b"), Map.entry("else", "05n"), Map.entry("end", "0bn"),
            Map.entry("br", "0cu"), Map.entry("br_if", "0du"), Map.entry("br_table", "0et"), Map.entry("return", "0fn"),
            Map.entry("call", "10u"), Map.entry("drop", "1an"), Map.entry("select", "1bn"),
            Map.entry("local.get", "20u"), Map.entry("local.set", "21u"), Map.entry("local.tee", "22u"),
            Map.entry("i32.load", "28m"), Map.entry("i64.load", "29m"), Map.entry("i32.store", "36m"),
            Map.entry("i64.store", "37m"), Map.entry("i32.load8_u", "2dm"), Map.entry("i32.store8", "3am"),
            Map.entry("i32.const", "41s"), Map.entry("i64.const", "42s"),
            Map.entry("i32.eqz", "45n"), Map.entry("i32.eq", "46n"), Map.entry("i32.ne", "47n"),
            Map.entry("i32.lt_s", "48n"), Map.entry("i32.lt_u", "49n"), Map.entry("i32.gt_s", "4an"),
            Map.entry("i32.gt_u", "4bn"), Map.entry("i32.le_s", "4cn"), Map.entry("i32.ge_s", "4en"),
            Map.entry("i64.eqz", "50n"), Map.entry("i64.eq", "51n"), Map.entry("i64.lt_s", "53n"),
            Map.entry("i32.add", "6an"), Map.entry("i32.sub", "6bn"), Map.entry("i32.mul", "6cn"),
            Map.entry("i32.div_s", "6dn"), Map.entry("i32.rem_u", "70n"), Map.entry("i32.and", "71n"),
            Map.entry("i32.or", "72n"), Map.entry("i32.xor", "73n"), Map.entry("i32.shl", "74n"),
            Map.entry("i32.shr_u", "76n"), Map.entry("i32.rotl", "77n"),
            Map.entry("i64.add", "7cn"), Map.entry("i64.sub", "7dn"), Map.entry("i64.mul", "7en"),
            Map.entry("i64.xor", "85n"), Map.entry("i64.shr_u", "88n"),
            Map.entry("f64.add", "a0n"), Map.entry("f64.mul", "a2n"), Map.entry("i32.wrap_i64", "a7n"),
            Map.entry("i64.extend_i32_s", "acn"), Map.entry("i64.extend_i32_u", "adn"),
            Map.entry("f64.convert_i32_s", "b7n"), Map.entry("i32.trunc_f64_s", "aan"),
            Map.entry("i32.extend8_s", "c0n"));

    byte[] assemble() {
        List<String> types = new ArrayList<>();
        List<Integer> typeOf = new ArrayList<>();
        for (Fn f : functions) {
            String t = f.params + "->" + f.results;
            if (!types.contains(t)) {
                types.add(t);
            }
            typeOf.add(types.indexOf(t));
        }
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.write(0);
        m.writeBytes("asm".getBytes());
        m.writeBytes(new byte[] {1, 0, 0, 0});
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        WasmBytes.u32(s, types.size());
        for (String t : types) {
            String[] pr = t.split("->", -1);
            s.write(0x60);
            valtypes(s, pr[0]);
            valtypes(s, pr[1]);
        }
        WasmBytes.section(m, 1, s.toByteArray());
        s = new ByteArrayOutputStream();
        WasmBytes.u32(s, functions.size());
        for (int t : typeOf) {
            WasmBytes.u32(s, t);
        }
        WasmBytes.section(m, 3, s.toByteArray());
        WasmBytes.section(m, 5, new byte[] {1, 0, 1}); // one memory of one page
        s = new ByteArrayOutputStream();
        WasmBytes.u32(s, functions.size());
        for (int i = 0; i < functions.size(); i++) {
            WasmBytes.name(s, functions.get(i).name);
            s.write(0);
            WasmBytes.u32(s, i);
        }
        WasmBytes.section(m, 7, s.toByteArray());
        s = new ByteArrayOutputStream();
        WasmBytes.u32(s, functions.size());
        for (Fn f : functions) {
            byte[] body = body(f);
            WasmBytes.u32(s, body.length);
            s.writeBytes(body);
        }
        WasmBytes.section(m, 10, s.toByteArray());
        s = new ByteArrayOutputStream();
        WasmBytes.name(s, "name");
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        WasmBytes.u32(names, functions.size());
        for (int i = 0; i < functions.size(); i++) {
            WasmBytes.u32(names, i);
            WasmBytes.name(names, functions.get(i).name);
        }
        s.write(1);
        WasmBytes.u32(s, names.size());
        s.writeBytes(names.toByteArray());
        WasmBytes.section(m, 0, s.toByteArray());
        return m.toByteArray();
    }

    private static void valtypes(ByteArrayOutputStream out, String list) {
        String[] t = list.isBlank() ? new String[0] : list.trim().split("\\s+");
        WasmBytes.u32(out, t.length);
        for (String v : t) {
            out.write(VALTYPES.get(v));
        }
    }

    private byte[] body(Fn f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] locals = f.locals.isBlank() ? new String[0] : f.locals.split("\\s+");
        WasmBytes.u32(out, locals.length);
        for (String l : locals) {
            out.write(1);
            out.write(VALTYPES.get(l));
        }
        String[] tokens = f.body.trim().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String op = OPS.get(tokens[i]);
            if (op == null) {
                throw new IllegalArgumentException("unknown instruction " + tokens[i] + " in " + f.name);
            }
            out.write(Integer.parseInt(op.substring(0, 2), 16));
            switch (op.charAt(2)) {
                case 'b' -> {
                    if (i + 1 < tokens.length && VALTYPES.containsKey(tokens[i + 1])) {
                        out.write(VALTYPES.get(tokens[++i]));
                    } else {
                        out.write(0x40);
                    }
                }
                case 'u' -> WasmBytes.u32(out, Long.parseLong(tokens[++i]));
                case 's' -> WasmBytes.s64(out, Long.parseLong(tokens[++i]));
                case 'm' -> {
                    out.write(0); // alignment
                    WasmBytes.u32(out, Long.parseLong(tokens[++i])); // offset
                }
                case 't' -> { // br_table: targets until a token that is not a number; the last is the default
                    List<Long> targets = new ArrayList<>();
                    while (i + 1 < tokens.length && tokens[i + 1].matches("\\d+")) {
                        targets.add(Long.parseLong(tokens[++i]));
                    }
                    WasmBytes.u32(out, targets.size() - 1);
                    targets.forEach(t -> WasmBytes.u32(out, t));
                }
                default -> { }
            }
        }
        out.write(0x0b);
        return out.toByteArray();
    }
}
