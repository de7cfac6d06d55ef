package dev.wasmbuild.jarcompiler.split;

import dev.wasmbuild.jarcompiler.wasm.WasmBytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a function body (its locals and its expression) into {@link Node}s and encodes it
 * back. Code after an unconditional branch up to the end of its block is dropped while reading:
 * it can never run, and its operand stack is polymorphic, so it could not be moved into another
 * function as it is. Instructions outside the MVP, sign extension, saturating conversions, bulk
 * memory and reference types (SIMD, threads, exceptions, tail calls, GC) are refused with
 * {@link Unsupported}: the function is then left as it is.
 */
final class BodyCodec {
    private BodyCodec() {
    }

    /** An instruction this package does not decode; the function it is in is not split. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message);
        }
    }

    /** The declared locals' types, one entry per local (not run-length), and the expression. */
    record Body(List<Byte> locals, List<Node> code) {
    }

    static Body decode(byte[] body) {
        WasmBytes r = new WasmBytes(body, 0);
        List<Byte> locals = new ArrayList<>();
        int groups = r.u32();
        for (int g = 0; g < groups; g++) {
            int count = r.u32();
            byte type = (byte) r.u8();
            if (!Types.isNumeric(type)) {
                throw new Unsupported("a local of type 0x" + Integer.toHexString(type & 0xff));
            }
            if (count > 50_000) {
                throw new Unsupported(count + " locals");
            }
            for (int i = 0; i < count; i++) {
                locals.add(type);
            }
        }
        List<Node> code = new ArrayList<>();
        int last = sequence(r, code);
        if (last != Node.END || r.more()) {
            throw new IllegalArgumentException("a function body does not end with its expression's end");
        }
        return new Body(locals, code);
    }

    /** Reads instructions into {@code out} up to an {@code end} or {@code else}; returns which. */
    private static int sequence(WasmBytes r, List<Node> out) {
        boolean dead = false;
        while (true) {
            int start = r.pos;
            int op = r.u8();
            if (op == Node.END || op == Node.ELSE) {
                return op;
            }
            Node n = instruction(r, op, start);
            if (!dead) {
                out.add(n);
                dead = n.isUnconditional();
            }
        }
    }

    private static Node instruction(WasmBytes r, int op, int start) {
        Node n;
        switch (op) {
            case Node.BLOCK, Node.LOOP, Node.IF -> {
                n = new Node(op);
                n.blockType = r.s64();
                n.body = new ArrayList<>();
                int last = sequence(r, n.body);
                if (last == Node.ELSE) {
                    if (op != Node.IF) {
                        throw new IllegalArgumentException("else outside an if");
                    }
                    n.elseBody = new ArrayList<>();
                    last = sequence(r, n.elseBody);
                }
                if (last != Node.END) {
                    throw new IllegalArgumentException("else without end");
                }
                return n;
            }
            case Node.BR, Node.BR_IF, Node.CALL, Node.LOCAL_GET, Node.LOCAL_SET, Node.LOCAL_TEE ->
                n = Node.of(op, r.u32() & 0xFFFFFFFFL);
            case Node.BR_TABLE -> {
                n = new Node(op);
                int count = r.u32();
                n.targets = new int[count + 1];
                for (int i = 0; i <= count; i++) {
                    n.targets[i] = r.u32();
                }
            }
            case Node.CALL_INDIRECT -> {
                n = Node.of(op, r.u32());
                n.table = r.u32();
            }
            case Node.I32_CONST, Node.I64_CONST -> n = Node.of(op, r.s64());
            default -> {
                n = new Node(op);
                int immStart = immediates(r, op);
                // for 0xFC the sub-opcode is the first immediate
                n.imm = r.slice(immStart, r.pos);
            }
        }
        return n;
    }

    /** Skips the immediates of every other instruction; returns where they start. */
    private static int immediates(WasmBytes r, int op) {
        int start = r.pos;
        if (op == 0x00 || op == 0x01 || op == 0x0f || op == 0x1a || op == 0x1b || op == 0xd1
                || (op >= 0x45 && op <= 0xc4)) {
            return start;
        }
        if (op == 0x1c) { // select t*
            int count = r.u32();
            for (int i = 0; i < count; i++) {
                r.u8();
            }
        } else if (op >= 0x23 && op <= 0x26) { // global.get/set, table.get/set
            r.u32();
        } else if (op >= 0x28 && op <= 0x3e) { // memarg
            int flags = r.u32();
            if ((flags & 0x40) != 0) {
                r.u32();
            }
            r.u32();
        } else if (op == 0x3f || op == 0x40) {
            r.u32();
        } else if (op == Node.F32_CONST) {
            r.pos += 4;
        } else if (op == Node.F64_CONST) {
            r.pos += 8;
        } else if (op == 0xd0) {
            r.s64();
        } else if (op == 0xd2) {
            r.u32();
        } else if (op == 0xFC) {
            int sub = r.u32();
            switch (sub) {
                case 0, 1, 2, 3, 4, 5, 6, 7 -> { }
                case 9, 13, 11, 15, 16, 17 -> r.u32();
                case 8, 10, 12, 14 -> {
                    r.u32();
                    r.u32();
                }
                default -> throw new Unsupported("instruction 0xfc " + sub);
            }
        } else {
            throw new Unsupported("instruction 0x" + Integer.toHexString(op));
        }
        return start;
    }

    static byte[] encode(List<Byte> locals, List<Node> code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<int[]> groups = new ArrayList<>();
        for (byte t : locals) {
            if (groups.isEmpty() || groups.get(groups.size() - 1)[0] != t) {
                groups.add(new int[] {t, 0});
            }
            groups.get(groups.size() - 1)[1]++;
        }
        WasmBytes.u32(out, groups.size());
        for (int[] g : groups) {
            WasmBytes.u32(out, g[1]);
            out.write(g[0]);
        }
        encode(out, code);
        out.write(Node.END);
        return out.toByteArray();
    }

    static void encode(ByteArrayOutputStream out, List<Node> code) {
        for (Node n : code) {
            encode(out, n);
        }
    }

    static void encode(ByteArrayOutputStream out, Node n) {
        out.write(n.op);
        switch (n.op) {
            case Node.BLOCK, Node.LOOP, Node.IF -> {
                WasmBytes.s64(out, n.blockType);
                encode(out, n.body);
                if (n.elseBody != null) {
                    out.write(Node.ELSE);
                    encode(out, n.elseBody);
                }
                out.write(Node.END);
            }
            case Node.BR, Node.BR_IF, Node.CALL, Node.LOCAL_GET, Node.LOCAL_SET, Node.LOCAL_TEE ->
                WasmBytes.u32(out, n.index);
            case Node.BR_TABLE -> {
                WasmBytes.u32(out, n.targets.length - 1);
                for (int t : n.targets) {
                    WasmBytes.u32(out, t);
                }
            }
            case Node.CALL_INDIRECT -> {
                WasmBytes.u32(out, n.index);
                WasmBytes.u32(out, n.table);
            }
            case Node.I32_CONST, Node.I64_CONST -> WasmBytes.s64(out, n.index);
            default -> out.write(n.imm, 0, n.imm.length);
        }
    }
}
