import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmbuild.python.WasiPython;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The 3-million-step loop of chicory-bench.sh in one JVM, for wasi python.wasm files compiled by
 * Chicory's compiler (the one wasm:jar uses) as they are loaded: each module's print(6*7), then
 * the loop three times (the first in a JVM that has not run that module's code yet). Used to
 * compare a module with the same module after FunctionSplitter (docs/performance.md).
 *
 * Usage: java -Xss8m -Xmx8g -cp CLASSPATH bench/SplitLoop.java STDLIB LIB_DYNLOAD VERSION A.wasm [B.wasm...]
 */
public class SplitLoop {
    static final String LOOP = "i=0\nwhile i < 3000000: i += 1\nprint(i)";

    public static void main(String[] args) {
        Path stdlib = Path.of(args[0]);
        Path dynload = Path.of(args[1]);
        String version = args[2];
        for (int i = 3; i < args.length; i++) {
            long start = System.nanoTime();
            WasmModule module = Parser.parse(Path.of(args[i]));
            var machine = MachineFactoryCompiler.builder(module).compile();
            System.out.printf("%s: parsed and compiled in %.1f s%n", args[i], (System.nanoTime() - start) / 1e9);
            run(module, machine, stdlib, dynload, version, "print(6*7)");
            for (int r = 0; r < 3; r++) {
                run(module, machine, stdlib, dynload, version, LOOP);
            }
        }
    }

    static void run(WasmModule module, java.util.function.Function<com.dylibso.chicory.runtime.Instance,
            com.dylibso.chicory.runtime.Machine> machine, Path stdlib, Path dynload, String version, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int status = new WasiPython(module, machine)
                .mountReadOnly("/usr/local/lib/python" + version, stdlib)
                .mountReadOnly("/usr/local/lib/python" + version + "/lib-dynload", dynload)
                .streams(System.in, out, System.err).run(List.of("-c", code));
        System.out.printf("  %-12s %6.2f s  exit %d, printed %s%n", code.contains("while") ? "loop 3e6" : code,
                (System.nanoTime() - start) / 1e9, status, out.toString().trim());
    }
}
