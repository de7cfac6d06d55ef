package dev.wasmbuild.jarcompiler.split;

import java.util.ArrayList;
import java.util.List;

/**
 * A wasm-to-wasm pass: every function whose body is over a size is split into pieces (new
 * functions appended to the module) that are each at most that size where the code's structure
 * allows ({@link Outliner}). HotSpot compiles no method over 8000 bytes of bytecode, and Chicory
 * makes one JVM method of each wasm function, so a large function would otherwise run in
 * HotSpot's bytecode interpreter for ever. Deterministic: the same module and size give the same
 * bytes. Functions using instructions the pass does not decode are left whole and reported.
 */
public final class FunctionSplitter {
    /** Runs shorter than this many bytes are not worth a call. */
    static final int MIN_REGION = 48;

    private FunctionSplitter() {
    }

    /** A function that was over the size: its pieces, or why it was left whole. */
    public record Split(int function, String name, int bytesBefore, int bytesAfter, List<Integer> pieces,
            String leftWhole) {
        @Override
        public String toString() {
            return leftWhole != null
                    ? String.format("%s (function %d, %d bytes): left whole, %s", name, function, bytesBefore, leftWhole)
                    : String.format("%s (function %d): %d -> %d bytes of wasm, %d new functions", name, function,
                            bytesBefore, bytesAfter, pieces.size());
        }
    }

    /** The module after splitting, and what happened to each function over the size. */
    public record Result(byte[] wasm, List<Split> splits) {
    }

    /**
     * @param wasm a module
     * @param maxBodyBytes functions whose body (code section entry) is larger are split into pieces of at most this
     */
    public static Result split(byte[] wasm, int maxBodyBytes) {
        return split(wasm, maxBodyBytes, MIN_REGION);
    }

    /** @param minRegion runs smaller than this many bytes stay where they are */
    static Result split(byte[] wasm, int maxBodyBytes, int minRegion) {
        return split(wasm, maxBodyBytes, minRegion, false);
    }

    /** @param force tests only: move runs even where the call is larger than the run */
    static Result split(byte[] wasm, int maxBodyBytes, int minRegion, boolean force) {
        WasmModule module;
        try {
            module = new WasmModule(wasm);
        } catch (BodyCodec.Unsupported e) {
            return new Result(wasm, List.of(new Split(-1, "(module)", wasm.length, wasm.length, List.of(),
                    "the module has " + e.getMessage())));
        }
        List<Split> splits = new ArrayList<>();
        int defined = module.bodies.size();
        for (int i = 0; i < defined; i++) {
            int size = module.bodies.get(i).length;
            if (size <= maxBodyBytes) {
                continue;
            }
            int function = module.importedFunctions + i;
            String name = module.names.getOrDefault(function, "function" + function);
            List<Integer> pieces;
            try {
                pieces = Outliner.split(module, function, maxBodyBytes, minRegion, name, force);
            } catch (BodyCodec.Unsupported e) {
                splits.add(new Split(function, name, size, size, List.of(), "it has " + e.getMessage()));
                continue;
            }
            splits.add(new Split(function, name, size, module.bodies.get(i).length, pieces,
                    pieces.isEmpty() ? "no region could be moved" : null));
        }
        boolean changed = splits.stream().anyMatch(s -> !s.pieces().isEmpty());
        return new Result(changed ? module.encode() : wasm, splits);
    }

    /** {@code java ... FunctionSplitter in.wasm out.wasm [maxBodyBytes]}: splits and prints what it did. */
    public static void main(String[] args) throws java.io.IOException {
        byte[] wasm = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(args[0]));
        long start = System.nanoTime();
        Result result = split(wasm, args.length > 2 ? Integer.parseInt(args[2]) : 2400);
        System.out.printf("split in %.1f s, %d -> %d bytes%n", (System.nanoTime() - start) / 1e9, wasm.length,
                result.wasm().length);
        result.splits().forEach(s -> System.out.println("  " + s));
        java.nio.file.Files.write(java.nio.file.Path.of(args[1]), result.wasm());
    }
}
