package dev.wasmbuild.jarcompiler.split;

/**
 * Functions with hard control flow for the splitter's tests, each exported and run on a few
 * inputs: an interpreter-style loop around a br_table, blocks and ifs with results, branches out
 * of several levels, locals that live across the pieces, returns from deep inside, dead code,
 * i64 and f64 values, and memory side effects.
 */
final class Corpus {
    private Corpus() {
    }

    /** Function name, then the inputs it is called with (one argument list per call). */
    static final Object[][] CALLS = {
        {"interp", new long[] {0}, new long[] {1}, new long[] {7}, new long[] {40}, new long[] {300}},
        {"nested", new long[] {0}, new long[] {1}, new long[] {2}, new long[] {5}, new long[] {-3}, new long[] {100}},
        {"deep", new long[] {0}, new long[] {3}, new long[] {10}, new long[] {17}, new long[] {64}},
        {"early", new long[] {0}, new long[] {5}, new long[] {9}, new long[] {50}, new long[] {1000}},
        {"dead", new long[] {0}, new long[] {1}, new long[] {2}, new long[] {9}},
        {"wide", new long[] {1, 0}, new long[] {7, 3}, new long[] {-5, 11}, new long[] {123456789, 99}},
        {"mem", new long[] {0}, new long[] {4}, new long[] {31}, new long[] {100}},
        {"caller", new long[] {0}, new long[] {6}, new long[] {33}},
        {"switch40", new long[] {0}, new long[] {1}, new long[] {17}, new long[] {39}, new long[] {40}, new long[] {123}},
    };

    /**
     * A 41-way br_table into a nest of 40 blocks, a case after each block's end, as C compilers
     * lower a switch; the last target leaves the switch.
     */
    static String switch40() {
        StringBuilder b = new StringBuilder("block");
        b.append(" block".repeat(40)).append(" local.get 0 i32.const 41 i32.rem_u br_table");
        for (int k = 0; k <= 40; k++) {
            b.append(' ').append(Math.min(k, 40));
        }
        for (int k = 0; k < 40; k++) {
            b.append(" end local.get 1 i32.const ").append(k + 1).append(" i32.add i32.const 7 i32.mul local.get 0")
                    .append(" i32.xor i32.const ").append(3 * k).append(" i32.rotl local.set 1 br ").append(39 - k);
        }
        return b.append(" end local.get 1").toString(); // target 40 is the outer block: no case
    }

    private static final String NEXT = " local.get 2 i32.const 1 i32.add local.tee 2 local.get 0 i32.ge_s br_if %d br %d ";

    static Wat module() {
        Wat w = new Wat();
        // 0 n, 1 acc, 2 pc, 3 t. loop over pc with a five-way br_table, like an eval loop.
        w.func("interp", "i32 -> i32", "i32 i32 i32",
                "block loop block block block block block"
                + " local.get 2 i32.const 5 i32.rem_u br_table 0 1 2 3 4 0"
                + " end" // case 0: inside B1 B2 B3 B4 L X
                + " local.get 1 i32.const 7 i32.add local.set 1 local.get 1 local.get 2 i32.xor local.set 1"
                + String.format(NEXT, 5, 4)
                + " end" // case 1: inside B2 B3 B4 L X; returns from inside when acc is large
                + " local.get 1 i32.const 3 i32.mul local.get 2 i32.xor local.set 1"
                + " local.get 1 i32.const 100000 i32.gt_s if local.get 1 i32.const 1 i32.add return end"
                + String.format(NEXT, 4, 3)
                + " end" // case 2: inside B3 B4 L X; an if with a result inside a block with a result
                + " block i32 local.get 1 i32.const 1 i32.and if i32 local.get 1 i32.const 2 i32.shr_u"
                + " else local.get 1 i32.const 5 i32.add end local.get 2 i32.add end local.set 1"
                + String.format(NEXT, 3, 2)
                + " end" // case 3: inside B4 L X; an inner loop that leaves two levels at once
                + " i32.const 0 local.set 3 block loop local.get 3 i32.const 4 i32.ge_s br_if 1"
                + " local.get 1 i32.const 11 i32.add local.set 1 local.get 3 i32.const 1 i32.add local.set 3"
                + " local.get 1 i32.const 7 i32.rem_u i32.eqz br_if 1 br 0 end end"
                + String.format(NEXT, 2, 1)
                + " end" // case 4: inside L X; dead code after the branch
                + " local.get 1 local.get 2 i32.sub local.set 1"
                + String.format(NEXT, 1, 0)
                + " i32.const 1 i32.add drop end end local.get 1");
        // Blocks with results, a br_if carrying a value out of two levels, select.
        w.func("nested", "i32 -> i32", "i32",
                "block i32 block i32 local.get 0 i32.const 10 i32.mul local.get 0 i32.const 5 i32.gt_s br_if 1"
                + " i32.const 3 i32.add block i32 local.get 0 i32.const 2 i32.eq if i32 i32.const 40 else"
                + " i32.const 50 end end i32.add end i32.const 2 i32.mul end local.tee 1 local.get 1 i32.const 7"
                + " i32.add local.get 0 i32.const 1 i32.and select");
        // Branches out of four levels from inside loops, and a counter that lives across them.
        w.func("deep", "i32 -> i32", "i32 i32",
                "block block loop local.get 1 i32.const 1 i32.add local.set 1 block block"
                + " local.get 1 local.get 0 i32.ge_s br_if 4 local.get 1 i32.const 13 i32.eq br_if 3"
                + " local.get 2 local.get 1 i32.add local.set 2 local.get 2 i32.const 3 i32.rem_u i32.eqz br_if 0"
                + " local.get 2 i32.const 1 i32.add local.set 2 end local.get 2 i32.const 2 i32.mul local.set 2 end"
                + " br 0 end end local.get 2 i32.const 1000 i32.add return end local.get 2");
        // A return from inside nested loops and ifs, with a result.
        w.func("early", "i32 -> i32", "i32 i32",
                "loop local.get 1 i32.const 1 i32.add local.tee 1 local.get 0 i32.gt_s if local.get 2 return end"
                + " local.get 2 local.get 1 i32.add local.set 2 loop local.get 2 i32.const 37 i32.rem_u i32.const 36"
                + " i32.eq if local.get 1 i32.const 7 i32.mul return end end local.get 1 i32.const 400 i32.lt_s"
                + " br_if 0 end i32.const -1");
        // Code after unconditional branches in every kind of block.
        w.func("dead", "i32 -> i32", "i32",
                "block block local.get 0 br_if 0 i32.const 5 local.set 1 br 1 i32.add drop end"
                + " local.get 0 i32.const 2 i32.eq if i32.const 9 local.set 1 br 1 unreachable end"
                + " i32.const 7 local.set 1 end local.get 1 return i32.const 1 i32.add");
        // i64 and f64 values crossing the pieces.
        w.func("wide", "i64 i64 -> i64", "f64 i64",
                "local.get 0 local.get 1 i64.mul local.set 3 block loop"
                + " local.get 3 i64.const 3 i64.shr_u local.get 0 i64.xor local.set 3"
                + " local.get 2 local.get 3 i32.wrap_i64 i32.const 255 i32.and f64.convert_i32_s f64.add local.set 2"
                + " local.get 1 i64.const 1 i64.sub local.tee 1 i64.eqz br_if 1"
                + " local.get 1 i64.const 0 i64.lt_s br_if 1 br 0 end end"
                + " local.get 3 local.get 2 i32.trunc_f64_s i64.extend_i32_s i64.add");
        // Stores and loads: the pieces must see and make the same memory.
        w.func("mem", "i32 -> i32", "i32 i32",
                "block loop local.get 1 local.get 0 i32.ge_s br_if 1"
                + " local.get 1 i32.const 4 i32.mul local.get 1 local.get 1 i32.mul i32.const 3 i32.xor i32.store 0"
                + " local.get 1 i32.const 1 i32.add local.set 1 br 0 end end i32.const 0 local.set 1"
                + " block loop local.get 1 local.get 0 i32.ge_s br_if 1"
                + " local.get 2 local.get 1 i32.const 4 i32.mul i32.load 0 i32.add"
                + " local.get 1 i32.const 4 i32.mul i32.load8_u 1 i32.add local.set 2"
                + " local.get 1 i32.const 1 i32.add local.set 1 br 0 end end local.get 2");
        // Calls between the split functions.
        w.func("caller", "i32 -> i32", "",
                "local.get 0 call 0 local.get 0 call 3 i32.add local.get 0 call 1 i32.xor");
        w.func("switch40", "i32 -> i32", "i32", switch40());
        return w;
    }
}
