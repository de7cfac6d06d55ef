package dev.wasmbuild.jarcompiler.split;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits one function: moves runs of its instructions into new functions until its body, and
 * every new one, is at most {@code budget} bytes of wasm (where the structure allows).
 *
 * <p>A run starts and ends where the operand stack of its block is empty, so it takes nothing
 * from the stack and leaves nothing, or, when it runs to the end of its block, leaves the
 * block's results. The new function takes every local the run reads or writes as a parameter
 * and gives back the run's results, then the function's results when the run may return, then
 * the locals it writes, then an exit code when it can leave other than by falling through. At
 * the old place a call passes the locals, stores the written ones back, and a {@code br_table}
 * on the exit code takes the branch the run would have taken.
 *
 * <pre>
 *   new function                                 call site
 *   block $exit_m ... block $exit_1              local.get (used locals)
 *     block $return (result F)                   call $new
 *       block $fall (result R)                   local.set $code; local.set (written, reversed)
 *         (the run; br out -> br $exit_k,        local.set $ret (F, reversed)
 *          return -> br $return)                 block $a block $return block $x_m ... block $x_1
 *       end  zeros(F) written 0 return             local.get $code  br_table $a $x_1 .. $x_m $return $a
 *     end  R:=0, F, written, m+1, return         end br (exit 1) ... end br (exit m)
 *   end  R:=0 F:=0 written 1 return ...          end local.get $ret return  end
 * </pre>
 */
final class Outliner {
    /** Parameter slots a JVM method may have are 255; Chicory adds two (memory, instance). */
    static final int MAX_PARAM_SLOTS = 200;
    /** A run with more exits than this stays where it is. */
    static final int MANY_EXITS = 8;
    /** A run holding a br_table with more targets than this stays where it is. */
    static final int WIDE_TABLE = 32;

    private enum Kind { FUNCTION, BLOCK, LOOP, IF }

    /** A label seen from inside a body: what a branch to it means, and how many values it takes. */
    private record Label(Kind kind, int arity) {
    }

    private final WasmModule module;
    private final StackEffect effects;
    private final Sizes sizes = new Sizes();
    /** The constructs whose body is being reduced, innermost last. */
    private final java.util.ArrayDeque<Node> path = new java.util.ArrayDeque<>();
    private final int budget;
    private final int minRegion;
    /** Tests only: move runs even when the call site is larger than they are, to exercise every kind of exit. */
    private final boolean force;
    private final String name;
    private final List<Byte> locals;
    private final byte[] results;
    private int codeLocal = -1;
    private int returnLocals = -1;
    /** codeLocal and returnLocals: each call site sets them and reads them right away. */
    private final Set<Integer> scratch = new java.util.TreeSet<>();
    private int pieces;
    private final List<Integer> created = new ArrayList<>();
    /** Runs tried and found impossible to move (a value-carrying exit, too many locals), by first and last node. */
    private final Set<Run> refused = new HashSet<>();

    private record Run(Node first, Node last) {
    }

    private Outliner(WasmModule module, int function, List<Byte> declared, int budget, int minRegion, String name,
            boolean force) {
        this.module = module;
        this.force = force;
        this.effects = new StackEffect(module);
        this.budget = budget;
        this.minRegion = minRegion;
        this.name = name;
        Types.FuncType type = module.typeOfFunction(function);
        this.locals = new ArrayList<>();
        for (byte p : type.params()) {
            locals.add(p);
        }
        this.results = type.results();
        for (byte t : type.results()) {
            if (!Types.isNumeric(t)) {
                throw new BodyCodec.Unsupported("a result of type 0x" + Integer.toHexString(t & 0xff));
            }
        }
        for (byte p : type.params()) {
            if (!Types.isNumeric(p)) {
                throw new BodyCodec.Unsupported("a parameter of type 0x" + Integer.toHexString(p & 0xff));
            }
        }
        this.locals.addAll(declared);
    }

    /**
     * Splits {@code function} in place in {@code module}.
     *
     * @return the indices of the functions made from it, in order (empty when nothing could be moved)
     */
    static List<Integer> split(WasmModule module, int function, int budget, int minRegion, String name,
            boolean force) {
        int defined = function - module.importedFunctions;
        BodyCodec.Body body = BodyCodec.decode(module.bodies.get(defined));
        Outliner o = new Outliner(module, function, body.locals(), budget, minRegion, name, force);
        int params = module.typeOfFunction(function).params().length;
        o.reduce(body.code(), List.of(new Label(Kind.FUNCTION, o.results.length)), o.results, 0, budget);
        if (!o.created.isEmpty()) {
            module.bodies.set(defined, BodyCodec.encode(o.locals.subList(params, o.locals.size()), body.code()));
        }
        return o.created;
    }

    private void reduce(List<Node> code, List<Label> labels, byte[] bodyResults, int startHeight, int limit) {
        if (sizes.of(code) <= limit) {
            return;
        }
        for (Node n : code) {
            if (n.isConstruct() && !n.glued && sizes.of(n) > budget) {
                List<Label> inner = new ArrayList<>(labels.size() + 1);
                byte[] params = effects.params(n.blockType);
                byte[] res = effects.results(n.blockType);
                inner.add(new Label(n.op == Node.LOOP ? Kind.LOOP : n.op == Node.IF ? Kind.IF : Kind.BLOCK,
                        n.op == Node.LOOP ? params.length : res.length));
                inner.addAll(labels);
                int share = n.elseBody == null ? budget : budget / 2;
                path.addLast(n);
                reduce(n.body, inner, res, params.length, share);
                if (n.elseBody != null) {
                    reduce(n.elseBody, inner, res, params.length, share);
                }
                path.removeLast();
            }
        }
        while (sizes.of(code) > limit) {
            if (!outlineLargest(code, labels, bodyResults, startHeight) && !outlineInnerBody(code, labels)) {
                return;
            }
        }
    }

    /**
     * Where no run of this body can move (its stack is never empty between the instructions,
     * as in an expression of nested blocks with results), the whole body of one of its blocks,
     * loops or ifs may: it starts with an empty stack and ends with the block's results.
     */
    private boolean outlineInnerBody(List<Node> code, List<Label> labels) {
        List<Node> children = new ArrayList<>();
        for (Node n : code) {
            if (n.isConstruct() && !n.glued && effects.params(n.blockType).length == 0) {
                children.add(n);
            }
        }
        children.sort((a, b) -> Integer.compare(sizes.of(b), sizes.of(a)));
        for (Node n : children) {
            List<Label> inner = new ArrayList<>(labels.size() + 1);
            inner.add(label(n));
            inner.addAll(labels);
            path.addLast(n);
            try {
                for (List<Node> body : n.elseBody == null ? List.of(n.body) : List.of(n.body, n.elseBody)) {
                    if (body.isEmpty() || sizes.of(body) < minRegion || body.get(0).callSite) {
                        continue;
                    }
                    Run run = new Run(body.get(0), body.get(body.size() - 1));
                    if (refused.contains(run) || tooWide(Region.of(body, 0, body.size(), scratch))) {
                        continue;
                    }
                    if (outline(body, 0, body.size(), inner, effects.results(n.blockType))) {
                        return true;
                    }
                    refused.add(run);
                }
            } finally {
                path.removeLast();
            }
        }
        return false;
    }

    private static boolean tooWide(Region r) {
        return r.exits.size() > MANY_EXITS || r.widestTable > WIDE_TABLE;
    }

    private Label label(Node n) {
        byte[] params = effects.params(n.blockType);
        byte[] res = effects.results(n.blockType);
        return new Label(n.op == Node.LOOP ? Kind.LOOP : n.op == Node.IF ? Kind.IF : Kind.BLOCK,
                n.op == Node.LOOP ? params.length : res.length);
    }

    /** Outlines the largest run of whole segments that fits in a piece; false when none can be. */
    private boolean outlineLargest(List<Node> code, List<Label> labels, byte[] bodyResults, int startHeight) {
        List<Integer> cuts = cuts(code, startHeight);
        cuts.add(code.size());
        int[] sizes = new int[code.size()];
        for (int i = 0; i < code.size(); i++) {
            sizes[i] = this.sizes.of(code.get(i));
        }
        // Groups: consecutive segments while they fit in a piece. Each is tried, then its segments alone.
        List<int[]> candidates = new ArrayList<>();
        int g = 0;
        while (g < cuts.size() - 1) {
            int end = g;
            int size = 0;
            while (end < cuts.size() - 1 && size + span(sizes, cuts.get(end), cuts.get(end + 1)) <= budget) {
                size += span(sizes, cuts.get(end), cuts.get(end + 1));
                end++;
            }
            if (end == g) { // one segment larger than a piece: it stays where it is
                g++;
                continue;
            }
            candidates.add(new int[] {cuts.get(g), cuts.get(end), size, 0});
            if (end - g > 1) {
                for (int s = g; s < end; s++) {
                    candidates.add(new int[] {cuts.get(s), cuts.get(s + 1), span(sizes, cuts.get(s), cuts.get(s + 1)), 0});
                }
            }
            g = end;
        }
        // Runs that leave to many places, or hold a wide br_table, stay (c[3] == 1): moved, every
        // pass through them would go through a call and a dispatch on its exit code, and in an
        // interpreter's loop the run holding the switch would become a chain of such calls, one
        // per piece of the switch (measured: CPython's loop 2-5x slower than not splitting).
        for (int[] c : candidates) {
            c[3] = tooWide(Region.of(code, c[0], c[1], scratch)) ? 1 : 0;
        }
        candidates.sort((a, b) -> a[3] != b[3] ? Integer.compare(a[3], b[3])
                : a[2] != b[2] ? Integer.compare(b[2], a[2]) : Integer.compare(a[0], b[0]));
        for (int[] c : candidates) {
            Run run = new Run(code.get(c[0]), code.get(c[1] - 1));
            if (c[3] == 1 || c[2] < minRegion || refused.contains(run) || (force && isOneCallSite(code, cuts, c))) {
                continue;
            }
            if (outline(code, c[0], c[1], labels, bodyResults)) {
                return true;
            }
            refused.add(run);
        }
        return false;
    }

    private static boolean isOneCallSite(List<Node> code, List<Integer> cuts, int[] candidate) {
        int next = cuts.indexOf(candidate[0]) + 1;
        return code.get(candidate[0]).callSite && cuts.get(next) == candidate[1];
    }

    private static int span(int[] sizes, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += sizes[i];
        }
        return s;
    }

    /** Where the operand stack of this body is empty, before each instruction. */
    private List<Integer> cuts(List<Node> code, int startHeight) {
        List<Integer> cuts = new ArrayList<>();
        int height = startHeight;
        for (int i = 0; i < code.size(); i++) {
            if (height == 0 && !code.get(i).glued) {
                cuts.add(i);
            }
            height += effects.of(code.get(i));
        }
        return cuts;
    }

    /** Moves code[from, to) into a new function when that makes the body smaller. */
    private boolean outline(List<Node> code, int from, int to, List<Label> labels, byte[] bodyResults) {
        boolean atEnd = to == code.size();
        byte[] r = atEnd ? bodyResults : new byte[0];
        Region region = Region.of(code, from, to, scratch);
        boolean returns = region.returns;
        List<Integer> exits = new ArrayList<>();
        for (int o : region.exits) {
            Label l = labels.get(o);
            if (l.kind == Kind.FUNCTION) {
                returns = true;
            } else if (o == 0 && atEnd && l.kind != Kind.LOOP) {
                continue; // the block's own end: falling through with its results
            } else if (l.arity == 0) {
                exits.add(o);
            } else {
                return false; // values would have to travel with the exit
            }
        }
        int slots = 0;
        for (int local : region.used) {
            slots += Types.slots(locals.get(local));
        }
        if (slots > MAX_PARAM_SLOTS) {
            return false;
        }
        boolean needsCode = returns || !exits.isEmpty();
        List<Node> stub = glue(stub(region, exits, returns, needsCode));
        if (!force && sizes.of(stub) >= span(code, from, to)) {
            return false;
        }
        int index = createFunction(code.subList(from, to), region, exits, returns, needsCode, r, labels);
        stub.get(region.used.size()).index = index;
        List<Node> moved = code.subList(from, to);
        moved.clear();
        moved.addAll(stub);
        sizes.changed(path);
        return true;
    }

    private int span(List<Node> code, int from, int to) {
        return sizes.of(code.subList(from, to));
    }

    private List<Node> stub(Region region, List<Integer> exits, boolean returns, boolean needsCode) {
        List<Node> s = new ArrayList<>();
        for (int local : region.used) {
            s.add(Node.of(Node.LOCAL_GET, local));
        }
        s.add(Node.of(Node.CALL, 0)); // the index is set once the function exists
        if (needsCode) {
            if (codeLocal < 0) {
                codeLocal = addLocal(Types.I32);
                scratch.add(codeLocal);
            }
            s.add(Node.of(Node.LOCAL_SET, codeLocal));
        }
        for (int local : region.written.descendingSet()) {
            s.add(Node.of(Node.LOCAL_SET, local));
        }
        if (returns) {
            if (returnLocals < 0) {
                returnLocals = locals.size();
                for (byte t : results) {
                    scratch.add(addLocal(t));
                }
            }
            for (int i = results.length - 1; i >= 0; i--) {
                s.add(Node.of(Node.LOCAL_SET, returnLocals + i));
            }
        }
        if (!needsCode) {
            return s;
        }
        int m = exits.size();
        int ret = returns ? 1 : 0;
        Node table = new Node(Node.BR_TABLE);
        table.targets = new int[m + ret + 2];
        table.targets[0] = m + ret; // 0: fell through
        for (int k = 1; k <= m; k++) {
            table.targets[k] = k - 1;
        }
        if (returns) {
            table.targets[m + 1] = m;
        }
        table.targets[table.targets.length - 1] = m + ret;
        List<Node> level = new ArrayList<>(List.of(Node.of(Node.LOCAL_GET, codeLocal), table));
        for (int j = 1; j <= m; j++) {
            level = new ArrayList<>(List.of(block(Node.EMPTY, level), Node.of(Node.BR, exits.get(j - 1) + (m - j) + ret + 1)));
        }
        if (returns) {
            level = new ArrayList<>(List.of(block(Node.EMPTY, level)));
            for (int i = 0; i < results.length; i++) {
                level.add(Node.of(Node.LOCAL_GET, returnLocals + i));
            }
            level.add(new Node(Node.RETURN));
        }
        s.add(block(Node.EMPTY, level));
        return s;
    }

    private List<Node> glue(List<Node> stub) {
        stub.get(0).callSite = true;
        for (int i = 1; i < stub.size(); i++) {
            stub.get(i).glued = true;
        }
        return stub;
    }

    private int createFunction(List<Node> moved, Region region, List<Integer> exits, boolean returns,
            boolean needsCode, byte[] r, List<Label> labels) {
        TreeMap<Integer, Integer> map = new TreeMap<>();
        List<Byte> params = new ArrayList<>();
        for (int local : region.used) {
            map.put(local, params.size());
            params.add(locals.get(local));
        }
        List<Byte> resultTypes = new ArrayList<>();
        for (byte t : r) {
            resultTypes.add(t);
        }
        if (returns) {
            for (byte t : results) {
                resultTypes.add(t);
            }
        }
        for (int local : region.written) {
            resultTypes.add(locals.get(local));
        }
        if (needsCode) {
            resultTypes.add(Types.I32);
        }
        int m = exits.size();
        int ret = returns ? 1 : 0;

        List<Byte> own = new ArrayList<>();
        int ownReturn = params.size();
        if (returns) {
            for (byte t : results) {
                own.add(t);
            }
        }
        for (int local : region.scratchUsed) {
            map.put(local, params.size() + own.size());
            own.add(locals.get(local));
        }
        List<Node> body = new ArrayList<>(moved);
        Region.remap(body, 0, o -> {
            Label l = labels.get(o);
            if (l.kind == Kind.FUNCTION) {
                return 1; // $return
            }
            int k = exits.indexOf(o);
            return k < 0 ? 0 : 1 + ret + k; // $fall for the block's own end
        }, map, 1);
        List<Node> level = new ArrayList<>();
        level.add(block(blockType(r), body));
        zeros(level, returns ? results : new byte[0]);
        written(level, region, map);
        if (needsCode) {
            level.add(Node.of(Node.I32_CONST, 0));
        }
        level.add(new Node(Node.RETURN));
        if (returns) {
            List<Node> outer = new ArrayList<>();
            outer.add(block(blockType(results), level));
            for (int i = results.length - 1; i >= 0; i--) {
                outer.add(Node.of(Node.LOCAL_SET, ownReturn + i));
            }
            zeros(outer, r);
            for (int i = 0; i < results.length; i++) {
                outer.add(Node.of(Node.LOCAL_GET, ownReturn + i));
            }
            written(outer, region, map);
            outer.add(Node.of(Node.I32_CONST, m + 1));
            outer.add(new Node(Node.RETURN));
            level = outer;
        }
        for (int k = 1; k <= m; k++) {
            List<Node> outer = new ArrayList<>();
            outer.add(block(Node.EMPTY, level));
            zeros(outer, r);
            zeros(outer, returns ? results : new byte[0]);
            written(outer, region, map);
            outer.add(Node.of(Node.I32_CONST, k));
            outer.add(new Node(Node.RETURN));
            level = outer;
        }
        byte[] p = toArray(params);
        byte[] res = toArray(resultTypes);
        int type = module.typeIndex(new Types.FuncType(p, res));
        int index = module.addFunction(type, BodyCodec.encode(own, level), name + "$" + (++pieces));
        created.add(index);
        return index;
    }

    private static void written(List<Node> out, Region region, TreeMap<Integer, Integer> map) {
        for (int local : region.written) {
            out.add(Node.of(Node.LOCAL_GET, map.get(local)));
        }
    }

    private static void zeros(List<Node> out, byte[] types) {
        for (byte t : types) {
            out.add(zero(t));
        }
    }

    private static Node zero(byte t) {
        return switch (t) {
            case Types.I32 -> Node.of(Node.I32_CONST, 0);
            case Types.I64 -> Node.of(Node.I64_CONST, 0);
            case Types.F32 -> constant(Node.F32_CONST, 4);
            case Types.F64 -> constant(Node.F64_CONST, 8);
            default -> throw new BodyCodec.Unsupported("a value of type 0x" + Integer.toHexString(t & 0xff));
        };
    }

    private static Node constant(int op, int bytes) {
        Node n = new Node(op);
        n.imm = new byte[bytes];
        return n;
    }

    private long blockType(byte[] types) {
        if (types.length == 0) {
            return Node.EMPTY;
        }
        if (types.length == 1) {
            return (types[0] & 0x7f) - 0x80;
        }
        return module.typeIndex(new Types.FuncType(new byte[0], types));
    }

    private static Node block(long type, List<Node> body) {
        Node b = new Node(Node.BLOCK);
        b.blockType = type;
        b.body = body;
        return b;
    }

    private int addLocal(byte type) {
        locals.add(type);
        return locals.size() - 1;
    }

    private static byte[] toArray(List<Byte> list) {
        byte[] a = new byte[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
