package dev.wasmbuild.jarcompiler.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus ({@link Corpus}) split with ever smaller pieces runs in Chicory's interpreter with
 * the same results as before splitting, and every split module is valid wasm.
 */
class FunctionSplitterTest {
    private static final int[] BUDGETS = {400, 120, 60, 30, 12};

    @Test
    void splitModulesComputeTheSameResults() {
        byte[] original = Corpus.module().assemble();
        List<String> expected = run(original);
        for (int budget : BUDGETS) {
            FunctionSplitter.Result result = FunctionSplitter.split(original, budget, 8);
            assertEquals(expected, run(result.wasm()), "pieces of at most " + budget + " bytes: " + result.splits());
        }
    }

    /** Forced, even runs whose call costs more than they do move: every exit, return and local path is taken. */
    @Test
    void forcedSplitsComputeTheSameResults() {
        byte[] original = Corpus.module().assemble();
        List<String> expected = run(original);
        for (int budget : BUDGETS) {
            for (int min : new int[] {1, 4, 16}) {
                FunctionSplitter.Result result = FunctionSplitter.split(original, budget, min, true);
                assertEquals(expected, run(result.wasm()), "forced, " + budget + "/" + min + ": " + result.splits());
            }
        }
    }

    @Test
    void everyFunctionOverTheSizeIsSplit() {
        byte[] original = Corpus.module().assemble();
        FunctionSplitter.Result result = FunctionSplitter.split(original, 30, 4, true);
        List<String> names = new ArrayList<>();
        for (FunctionSplitter.Split s : result.splits()) {
            assertTrue(s.leftWhole() == null && !s.pieces().isEmpty(), s.toString());
            names.add(s.name());
        }
        assertEquals(List.of("interp", "nested", "deep", "early", "dead", "wide", "mem", "switch40"), names);
        assertTrue(result.wasm().length > original.length);
    }

    @Test
    void withoutForceEverySplitMakesTheFunctionSmaller() {
        FunctionSplitter.Result result = FunctionSplitter.split(Corpus.module().assemble(), 30, 8);
        assertTrue(!result.splits().isEmpty());
        for (FunctionSplitter.Split s : result.splits()) {
            assertTrue(s.pieces().isEmpty() || s.bytesAfter() < s.bytesBefore(), s.toString());
        }
    }

    /** Moving a switch's dispatch would make each pass a chain of calls: its br_table stays, its cases move. */
    @Test
    void aWideBrTableStaysInItsFunction() {
        byte[] original = Corpus.module().assemble();
        FunctionSplitter.Result result = FunctionSplitter.split(original, 100, 8);
        FunctionSplitter.Split s = result.splits().stream().filter(x -> x.name().equals("switch40")).findFirst()
                .orElseThrow();
        assertTrue(s.pieces().size() >= 10, s.toString());
        WasmModule module = new WasmModule(result.wasm());
        assertEquals(41, widestTable(BodyCodec.decode(module.bodies.get(s.function())).code()));
    }

    private static int widestTable(List<Node> code) {
        int w = 0;
        for (Node n : code) {
            if (n.op == Node.BR_TABLE) {
                w = Math.max(w, n.targets.length);
            }
            if (n.isConstruct()) {
                w = Math.max(w, widestTable(n.body));
                if (n.elseBody != null) {
                    w = Math.max(w, widestTable(n.elseBody));
                }
            }
        }
        return w;
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        byte[] original = Corpus.module().assemble();
        assertArrayEquals(FunctionSplitter.split(original, 30, 8).wasm(), FunctionSplitter.split(original, 30, 8).wasm());
    }

    @Test
    void nothingOverTheSizeLeavesTheModuleAlone() {
        byte[] original = Corpus.module().assemble();
        FunctionSplitter.Result result = FunctionSplitter.split(original, 100_000, 8);
        assertTrue(result.splits().isEmpty());
        assertArrayEquals(original, result.wasm());
    }

    @Test
    void binaryenAcceptsEverySplitModule(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("wasm-opt"), "binaryen's wasm-opt is not installed");
        byte[] original = Corpus.module().assemble();
        for (int budget : BUDGETS) {
            Path wasm = dir.resolve("split-" + budget + ".wasm");
            Files.write(wasm, FunctionSplitter.split(original, budget, 1, true).wasm());
            Process p = new ProcessBuilder("wasm-opt", "--enable-multivalue", wasm.toString(), "-o", "/dev/null")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), "wasm-opt refused the module split at " + budget + ": " + out);
        }
    }

    /** Every call of the corpus, each answer (or trap) as text, in a fresh instance per function. */
    static List<String> run(byte[] wasm) {
        List<String> results = new ArrayList<>();
        for (Object[] call : Corpus.CALLS) {
            Instance instance = Instance.builder(Parser.parse(wasm)).build();
            for (int i = 1; i < call.length; i++) {
                long[] args = (long[]) call[i];
                String answer;
                try {
                    answer = java.util.Arrays.toString(instance.export((String) call[0]).apply(args));
                } catch (RuntimeException e) {
                    answer = "trap " + e.getClass().getSimpleName();
                }
                results.add(call[0] + java.util.Arrays.toString(args) + " = " + answer);
            }
        }
        return results;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
