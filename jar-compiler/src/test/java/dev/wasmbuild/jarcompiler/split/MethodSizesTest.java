package dev.wasmbuild.jarcompiler.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM method sizes read from the classes Chicory's compiler makes of the corpus. */
class MethodSizesTest {

    @Test
    void listsTheFunctionsOverALimitByNameLargestFirst() {
        WasmModule module = Parser.parse(Corpus.module().assemble());
        List<MethodSizes.Method> methods = MethodSizes.compileAndMeasure(module);
        assertTrue(MethodSizes.functionsOver(module, methods, MethodSizes.HUGE_METHOD_LIMIT).isEmpty());
        List<MethodSizes.Function> over = MethodSizes.functionsOver(module, methods, 0);
        assertEquals(9, over.size(), String.valueOf(over));
        // switch40 has the most code of the corpus, then interp; caller the least
        assertEquals("switch40", over.get(0).name());
        assertEquals(8, over.get(0).index());
        assertEquals("interp", over.get(1).name());
        assertEquals("caller", over.get(over.size() - 1).name());
        assertTrue(over.get(0).codeLength() > 3 * over.get(over.size() - 1).codeLength(), String.valueOf(over));
    }

    @Test
    void splittingMakesTheMethodSmaller() {
        byte[] original = Corpus.module().assemble();
        byte[] split = FunctionSplitter.split(original, 60, 8).wasm();
        assertTrue(interp(split) < interp(original), interp(split) + " >= " + interp(original));
    }

    private static int interp(byte[] wasm) {
        WasmModule module = Parser.parse(wasm);
        return MethodSizes.functionsOver(module, MethodSizes.compileAndMeasure(module), 0).stream()
                .filter(f -> "interp".equals(f.name())).findFirst().orElseThrow().codeLength();
    }
}
