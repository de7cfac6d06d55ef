import dev.wasmbuild.python.Python;
import dev.wasmbuild.python.PythonInterpreter;
import dev.wasmbuild.python.PythonSandbox;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The embedding API's costs in one JVM (bench/embed-bench.sh runs it): starting an interpreter
 * (the first, then later ones), a call of a small function with three arguments on a warm
 * interpreter, an eval of a constant, and the heap an idle interpreter holds.
 */
public final class EmbedCalls {
    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        PythonSandbox sandbox = Python.builder().build();
        OutputStream none = OutputStream.nullOutputStream();
        long t0 = System.nanoTime();
        PythonInterpreter first = sandbox.interpreter(none, none);
        System.out.printf("first interpreter (fresh JVM): %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        double[] starts = new double[5];
        for (int i = 0; i < starts.length; i++) {
            long s = System.nanoTime();
            sandbox.interpreter(none, none).close();
            starts[i] = (System.nanoTime() - s) / 1e6;
        }
        System.out.printf("later interpreters: median %.0f ms%n", median(starts));
        first.exec("def f(a, b, c):\n    return a + b * c");
        double[] perCall = new double[7];
        for (int round = 0; round < perCall.length; round++) {
            long s = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                first.call("f", 1, 2, 3);
            }
            perCall[round] = (System.nanoTime() - s) / 1e3 / calls;
        }
        System.out.printf("call f(1, 2, 3): median %.0f us per call (rounds of %d: %s)%n", median(perCall), calls,
                Arrays.toString(Arrays.stream(perCall).mapToLong(Math::round).toArray()));
        double[] perEval = new double[5];
        for (int round = 0; round < perEval.length; round++) {
            long s = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                first.eval("1");
            }
            perEval[round] = (System.nanoTime() - s) / 1e3 / calls;
        }
        System.out.printf("eval(\"1\"): median %.0f us per call%n", median(perEval));
        first.close();
        int n = 4;
        long before = usedHeap();
        List<PythonInterpreter> idle = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idle.add(sandbox.interpreter(none, none));
        }
        long after = usedHeap();
        System.out.printf("heap per idle interpreter: %.0f MB%n", (after - before) / 1e6 / n);
        idle.forEach(PythonInterpreter::close);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
