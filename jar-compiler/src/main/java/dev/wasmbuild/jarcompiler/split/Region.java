package dev.wasmbuild.jarcompiler.split;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run of instructions needs from the function around it: the locals it reads or writes,
 * the labels outside it that it branches to, and whether it returns.
 */
final class Region {
    /** Locals read or written (they become parameters), in index order. */
    final TreeSet<Integer> used = new TreeSet<>();
    /** Locals written (they come back as results). */
    final TreeSet<Integer> written = new TreeSet<>();
    /** Branch targets outside the region, as depths from the region's position, in order. */
    final TreeSet<Integer> exits = new TreeSet<>();
    /** The caller's own scratch locals the run uses (call sites' exit codes and return values). */
    final TreeSet<Integer> scratchUsed = new TreeSet<>();
    boolean returns;
    /** The most targets of any br_table in the run. */
    int widestTable;
    private java.util.Set<Integer> scratch = java.util.Set.of();

    /**
     * @param scratch locals that are set and read within one call site, never live from one
     *     instruction of the run to code outside it; they become locals of the new function
     */
    static Region of(List<Node> code, int from, int to, java.util.Set<Integer> scratch) {
        Region r = new Region();
        r.scratch = scratch;
        for (int i = from; i < to; i++) {
            r.visit(code.get(i), 0);
        }
        return r;
    }

    private void visit(Node n, int nesting) {
        switch (n.op) {
            case Node.LOCAL_GET, Node.LOCAL_SET, Node.LOCAL_TEE -> {
                int local = (int) n.index;
                if (scratch.contains(local)) {
                    scratchUsed.add(local);
                } else {
                    used.add(local);
                    if (n.op != Node.LOCAL_GET) {
                        written.add(local);
                    }
                }
            }
            case Node.BR, Node.BR_IF -> target((int) n.index, nesting);
            case Node.BR_TABLE -> {
                widestTable = Math.max(widestTable, n.targets.length);
                for (int t : n.targets) {
                    target(t, nesting);
                }
            }
            case Node.RETURN -> returns = true;
            default -> {
                if (n.isConstruct()) {
                    for (Node c : n.body) {
                        visit(c, nesting + 1);
                    }
                    if (n.elseBody != null) {
                        for (Node c : n.elseBody) {
                            visit(c, nesting + 1);
                        }
                    }
                }
            }
        }
    }

    private void target(int depth, int nesting) {
        if (depth >= nesting) {
            exits.add(depth - nesting);
        }
    }

    /** Rewrites branches and locals of the moved code for its new function. */
    static void remap(List<Node> code, int nesting, java.util.function.IntUnaryOperator outer,
            TreeMap<Integer, Integer> locals, int returnDepth) {
        for (int i = 0; i < code.size(); i++) {
            Node n = code.get(i);
            switch (n.op) {
                case Node.LOCAL_GET, Node.LOCAL_SET, Node.LOCAL_TEE -> n.index = locals.get((int) n.index);
                case Node.BR, Node.BR_IF -> n.index = depth((int) n.index, nesting, outer);
                case Node.BR_TABLE -> {
                    for (int t = 0; t < n.targets.length; t++) {
                        n.targets[t] = depth(n.targets[t], nesting, outer);
                    }
                }
                case Node.RETURN -> code.set(i, Node.of(Node.BR, nesting + returnDepth));
                default -> {
                    if (n.isConstruct()) {
                        remap(n.body, nesting + 1, outer, locals, returnDepth);
                        if (n.elseBody != null) {
                            remap(n.elseBody, nesting + 1, outer, locals, returnDepth);
                        }
                    }
                }
            }
        }
    }

    private static int depth(int depth, int nesting, java.util.function.IntUnaryOperator outer) {
        return depth < nesting ? depth : nesting + outer.applyAsInt(depth - nesting);
    }
}
