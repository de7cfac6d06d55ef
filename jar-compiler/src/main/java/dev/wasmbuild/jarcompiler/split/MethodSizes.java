package dev.wasmbuild.jarcompiler.split;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.CompilerResult;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;

/**
 * How large Chicory's compiler makes each wasm function as a JVM method. HotSpot compiles no
 * method over {@link #HUGE_METHOD_LIMIT} bytes of bytecode (its {@code HugeMethodLimit}), so a
 * function over it runs in HotSpot's bytecode interpreter for the life of the JVM; this lists
 * those, from the class bytes the compiler produced.
 */
public final class MethodSizes {
    /** HotSpot's {@code HugeMethodLimit} (8000), fixed in product builds. */
    public static final int HUGE_METHOD_LIMIT = 8000;
    private static final String FUNCTION_METHOD = "func_";

    private MethodSizes() {
    }

    /** One JVM method: its class, name, and the length of its bytecode. */
    public record Method(String className, String name, int codeLength) {
    }

    /** A wasm function's JVM method and the function's name from the name section, when it has one. */
    public record Function(int index, String name, int codeLength) {
        @Override
        public String toString() {
            return String.format("%6d bytes  function %d%s", codeLength, index, name == null ? "" : " " + name);
        }
    }

    /** Compiles the module as the jar step does and measures every method of every class. */
    public static List<Method> compileAndMeasure(WasmModule module) {
        CompilerResult result = Compiler.builder(module).withClassName("measure.Machine")
                .withInterpreterFallback(InterpreterFallback.SILENT).build().compile();
        return measure(result.classBytes());
    }

    /** Every method with code in these classes, by class name then declaration order. */
    public static List<Method> measure(Map<String, byte[]> classes) {
        List<Method> methods = new ArrayList<>();
        new TreeMap<>(classes).forEach((name, bytes) -> methods.addAll(ClassFileMethods.read(name, bytes)));
        return methods;
    }

    /** The wasm functions whose method is over {@code limit} bytes, largest first. */
    public static List<Function> functionsOver(WasmModule module, List<Method> methods, int limit) {
        List<Function> over = new ArrayList<>();
        for (Method m : methods) {
            if (m.codeLength() > limit && m.name().startsWith(FUNCTION_METHOD)) {
                int index = Integer.parseInt(m.name().substring(FUNCTION_METHOD.length()));
                String name = module.nameSection() == null ? null : module.nameSection().nameOfFunction(index);
                over.add(new Function(index, name, m.codeLength()));
            }
        }
        over.sort(Comparator.comparingInt(Function::codeLength).reversed().thenComparingInt(Function::index));
        return over;
    }

    /** The other generated methods over {@code limit} (call_indirect dispatchers and the like). */
    public static List<Method> otherMethodsOver(List<Method> methods, int limit) {
        return methods.stream().filter(m -> m.codeLength() > limit && !m.name().startsWith(FUNCTION_METHOD))
                .sorted(Comparator.comparingInt(Method::codeLength).reversed()).toList();
    }

    /** Prints the report for a .wasm file: {@code java ... MethodSizes python.wasm [limit]}. */
    public static void main(String[] args) throws IOException {
        WasmModule module = Parser.parse(Files.readAllBytes(Path.of(args[0])));
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : HUGE_METHOD_LIMIT;
        long start = System.nanoTime();
        List<Method> methods = compileAndMeasure(module);
        System.out.printf("%s: compiled in %.1f s, %d methods%n", args[0], (System.nanoTime() - start) / 1e9,
                methods.size());
        List<Function> over = functionsOver(module, methods, limit);
        System.out.printf("%d wasm functions over %d bytes of JVM bytecode:%n", over.size(), limit);
        over.forEach(f -> System.out.println("  " + f));
        List<Method> others = otherMethodsOver(methods, limit);
        System.out.printf("%d other generated methods over %d bytes:%n", others.size(), limit);
        others.forEach(m -> System.out.printf("  %6d bytes  %s.%s%n", m.codeLength(), m.className(), m.name()));
    }

    /** Reads method names and code lengths from a class file (ASM walks the constant pool). */
    private static final class ClassFileMethods {
        static List<Method> read(String className, byte[] bytes) {
            ClassReader reader = new ClassReader(bytes);
            char[] buffer = new char[reader.getMaxStringLength()];
            int p = reader.header + 6; // access, this, super
            p += 2 + 2 * reader.readUnsignedShort(p); // interfaces
            int fields = reader.readUnsignedShort(p);
            p += 2;
            for (int i = 0; i < fields; i++) {
                p = skipMember(reader, p);
            }
            int count = reader.readUnsignedShort(p);
            p += 2;
            List<Method> methods = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = reader.readUTF8(p + 2, buffer);
                int attributes = reader.readUnsignedShort(p + 6);
                int a = p + 8;
                for (int j = 0; j < attributes; j++) {
                    if ("Code".equals(reader.readUTF8(a, buffer))) {
                        methods.add(new Method(className, name, reader.readInt(a + 10)));
                    }
                    a += 6 + reader.readInt(a + 2);
                }
                p = a;
            }
            return methods;
        }

        private static int skipMember(ClassReader reader, int p) {
            int attributes = reader.readUnsignedShort(p + 6);
            int a = p + 8;
            for (int j = 0; j < attributes; j++) {
                a += 6 + reader.readInt(a + 2);
            }
            return a;
        }
    }
}
