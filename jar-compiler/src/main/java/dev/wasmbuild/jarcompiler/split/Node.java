package dev.wasmbuild.jarcompiler.split;

import java.util.List;

/**
 * One instruction of a function body, with the bodies of {@code block}, {@code loop} and
 * {@code if} nested inside it: the structure the splitter cuts along. Instructions the splitter
 * never changes keep their immediates as encoded ({@link #imm}); the ones it renumbers (branch
 * depths, local indices) hold them decoded.
 */
final class Node {
    static final int UNREACHABLE = 0x00;
    static final int BLOCK = 0x02;
    static final int LOOP = 0x03;
    static final int IF = 0x04;
    static final int ELSE = 0x05;
    static final int END = 0x0b;
    static final int BR = 0x0c;
    static final int BR_IF = 0x0d;
    static final int BR_TABLE = 0x0e;
    static final int RETURN = 0x0f;
    static final int CALL = 0x10;
    static final int CALL_INDIRECT = 0x11;
    static final int LOCAL_GET = 0x20;
    static final int LOCAL_SET = 0x21;
    static final int LOCAL_TEE = 0x22;
    static final int I32_CONST = 0x41;
    static final int I64_CONST = 0x42;
    static final int F32_CONST = 0x43;
    static final int F64_CONST = 0x44;
    /** Opcodes after the 0xFC prefix are stored as {@code PREFIX_FC | sub-opcode}. */
    static final int PREFIX_FC = 0xFC00;

    /** The block type of a construct with no result (the s33 encoding of 0x40). */
    static final long EMPTY = -64;

    final int op;
    /** Encoded immediates of an instruction kept as read; unused for the decoded kinds. */
    byte[] imm = new byte[0];
    /** Branch depth, local index, function index, type index (call_indirect), or a constant. */
    long index;
    /** call_indirect's table. */
    int table;
    /** br_table's targets, the default last. */
    int[] targets;
    /** Block type (s33: EMPTY, a negative value type, or a type index). */
    long blockType;
    List<Node> body;
    /**
     * No run may start or end right before this instruction: it continues a call site, whose
     * exit code and return values pass through scratch locals that only the call site reads.
     */
    boolean glued;
    /** The first instruction of a call site the splitter made. */
    boolean callSite;
    /** The else branch of an if; null when there is none. */
    List<Node> elseBody;

    Node(int op) {
        this.op = op;
    }

    static Node of(int op, long index) {
        Node n = new Node(op);
        n.index = index;
        return n;
    }

    boolean isConstruct() {
        return op == BLOCK || op == LOOP || op == IF;
    }

    /** Control never reaches the next instruction of the same body. */
    boolean isUnconditional() {
        return op == BR || op == BR_TABLE || op == RETURN || op == UNREACHABLE;
    }
}
