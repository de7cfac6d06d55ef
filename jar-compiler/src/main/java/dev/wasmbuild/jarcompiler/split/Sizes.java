package dev.wasmbuild.jarcompiler.split;

import dev.wasmbuild.jarcompiler.wasm.WasmBytes;
import java.io.ByteArrayOutputStream;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encoded sizes of instructions, remembered until the code changes: the splitter asks for the
 * size of the same nested blocks again and again, and CPython's eval loop nests hundreds deep.
 */
final class Sizes {
    private final Map<Node, Integer> known = new IdentityHashMap<>();
    private final ByteArrayOutputStream scratch = new ByteArrayOutputStream();

    /** A body inside these constructs changed: their sizes are no longer known; every other one still is. */
    void changed(Iterable<Node> enclosing) {
        for (Node n : enclosing) {
            known.remove(n);
        }
    }

    int of(List<Node> code) {
        int s = 0;
        for (Node n : code) {
            s += of(n);
        }
        return s;
    }

    int of(Node n) {
        Integer s = known.get(n);
        if (s != null) {
            return s;
        }
        int size;
        if (n.isConstruct()) {
            scratch.reset();
            WasmBytes.s64(scratch, n.blockType);
            size = 2 + scratch.size() + of(n.body) + (n.elseBody == null ? 0 : 1 + of(n.elseBody));
        } else {
            scratch.reset();
            BodyCodec.encode(scratch, n);
            size = scratch.size();
        }
        known.put(n, size);
        return size;
    }
}
