package dev.wasmbuild.jarcompiler.split;

import dev.wasmbuild.jarcompiler.wasm.WasmBytes;
/**
 * How many values an instruction leaves on the operand stack minus how many it takes: enough to
 * find the points of a body where the stack is empty, which is where a region may start or end.
 */
final class StackEffect {
    private final WasmModule module;

    StackEffect(WasmModule module) {
        this.module = module;
    }

    int of(Node n) {
        int op = n.op;
        switch (op) {
            case Node.BLOCK, Node.LOOP, Node.IF:
                return (op == Node.IF ? -1 : 0) - params(n.blockType).length + results(n.blockType).length;
            case Node.CALL: {
                Types.FuncType t = module.typeOfFunction((int) n.index);
                return t.results().length - t.params().length;
            }
            case Node.CALL_INDIRECT: {
                Types.FuncType t = module.types.get((int) n.index);
                return t.results().length - t.params().length - 1;
            }
            case 0xFC:
                return prefixed(new WasmBytes(n.imm, 0).u32());
            default:
                return plain(op);
        }
    }

    byte[] params(long blockType) {
        return blockType >= 0 ? module.types.get((int) blockType).params() : new byte[0];
    }

    byte[] results(long blockType) {
        if (blockType == Node.EMPTY) {
            return new byte[0];
        }
        if (blockType < 0) {
            return new byte[] {(byte) (blockType + 0x80)};
        }
        return module.types.get((int) blockType).results();
    }

    private static int prefixed(int sub) {
        return switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7, 9, 13 -> 0; // saturating conversions, data.drop, elem.drop
            case 15 -> -1; // table.grow
            case 16 -> 1; // table.size
            default -> -3; // memory.init/copy/fill, table.init/copy/fill
        };
    }

    private static int plain(int op) {
        if (op == 0x00 || op == 0x01 || op == Node.BR || op == Node.RETURN) {
            return 0; // unconditional ones end their body, so their effect is never used
        }
        if (op == Node.BR_IF || op == Node.BR_TABLE || op == 0x1a || op == 0x21 || op == 0x24) {
            return -1;
        }
        if (op == 0x1b || op == 0x1c) {
            return -2;
        }
        if (op == 0x20 || op == 0x23 || op == 0x3f || (op >= 0x41 && op <= 0x44) || op == 0xd0 || op == 0xd2) {
            return 1;
        }
        if (op == 0x22 || op == 0x25 || (op >= 0x28 && op <= 0x35) || op == 0x40 || op == 0xd1) {
            return 0;
        }
        if (op == 0x26 || (op >= 0x36 && op <= 0x3e)) {
            return -2;
        }
        if (op == 0x45 || op == 0x50 || (op >= 0x67 && op <= 0x69) || (op >= 0x79 && op <= 0x7b)
                || (op >= 0x8b && op <= 0x91) || (op >= 0x99 && op <= 0x9f) || (op >= 0xa7 && op <= 0xc4)) {
            return 0; // unary and conversions
        }
        if (op >= 0x46 && op <= 0xa6) {
            return -1; // comparisons and binary operators
        }
        throw new BodyCodec.Unsupported("instruction 0x" + Integer.toHexString(op));
    }
}
