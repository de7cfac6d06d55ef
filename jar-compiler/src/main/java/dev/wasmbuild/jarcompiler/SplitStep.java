package dev.wasmbuild.jarcompiler;

import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmbuild.jarcompiler.split.FunctionSplitter;
import dev.wasmbuild.jarcompiler.split.MethodSizes;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The jar step's use of {@link FunctionSplitter}: split, and say in the log what it did and what is still too large. */
final class SplitStep {
    private SplitStep() {
    }

    static byte[] split(byte[] wasm, int maxBodyBytes, Consumer<String> info) {
        long start = System.nanoTime();
        FunctionSplitter.Result result = FunctionSplitter.split(wasm, maxBodyBytes);
        long pieces = result.splits().stream().mapToLong(s -> s.pieces().size()).sum();
        info.accept(String.format("Split %d functions over %d bytes of wasm into %d more in %.1f s:",
                result.splits().stream().filter(s -> !s.pieces().isEmpty()).count(), maxBodyBytes, pieces,
                (System.nanoTime() - start) / 1e9));
        result.splits().forEach(s -> info.accept("  " + s));
        return result.wasm();
    }

    /** HotSpot runs methods over its HugeMethodLimit interpreted for ever: name the ones left. */
    static void reportHugeMethods(WasmModule module, Map<String, byte[]> classes, Consumer<String> info) {
        List<MethodSizes.Method> methods = MethodSizes.measure(classes);
        List<MethodSizes.Function> over = MethodSizes.functionsOver(module, methods, MethodSizes.HUGE_METHOD_LIMIT);
        info.accept(over.size() + " wasm functions are still over HotSpot's " + MethodSizes.HUGE_METHOD_LIMIT
                + "-byte method limit (they stay in its bytecode interpreter)" + (over.isEmpty() ? "" : ":"));
        over.forEach(f -> info.accept("  " + f));
        List<MethodSizes.Method> others = MethodSizes.otherMethodsOver(methods, MethodSizes.HUGE_METHOD_LIMIT);
        if (!others.isEmpty()) {
            info.accept(others.size() + " of Chicory's own generated methods are over it too (call_indirect dispatch): "
                    + others.stream().map(m -> m.className() + "." + m.name() + " " + m.codeLength()).toList());
        }
    }
}
