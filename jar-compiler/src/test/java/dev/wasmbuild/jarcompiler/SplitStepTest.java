package dev.wasmbuild.jarcompiler;

import dev.wasmbuild.jarcompiler.wasm.WasmBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the jar step logs when it splits: each function split, and the methods still over HotSpot's limit. */
class SplitStepTest {

    @Test
    void logsEachSplitFunctionAndWhatIsStillTooLarge() {
        byte[] wasm = module();
        List<String> log = new ArrayList<>();
        byte[] split = SplitStep.split(wasm, 100, log::add);
        assertTrue(log.get(0).startsWith("Split 1 functions over 100 bytes of wasm into "), String.valueOf(log));
        assertTrue(log.get(1).startsWith("  big (function 0): "), String.valueOf(log));
        WasmModule module = Parser.parse(split);
        var classes = Compiler.builder(module).withInterpreterFallback(InterpreterFallback.SILENT).build().compile()
                .classBytes();
        log.clear();
        SplitStep.reportHugeMethods(module, classes, log::add);
        assertEquals("0 wasm functions are still over HotSpot's 8000-byte method limit (they stay in its bytecode"
                + " interpreter)", log.get(0));
    }

    /** One function "big": forty runs of local arithmetic, each a place to cut. */
    private static byte[] module() {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(new byte[] {1, 1, 0x7f}); // one i32 local
        for (int i = 0; i < 40; i++) {
            // local.get 0 local.get 1 i32.add i32.const i i32.xor local.set 1
            code.writeBytes(new byte[] {0x20, 0, 0x20, 1, 0x6a, 0x41, (byte) i, 0x73, 0x21, 1});
        }
        code.writeBytes(new byte[] {0x20, 1, 0x0b});
        byte[] body = code.toByteArray();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        m.writeBytes(new byte[] {1, 6, 1, 0x60, 1, 0x7f, 1, 0x7f}); // type (i32) -> i32
        m.writeBytes(new byte[] {3, 2, 1, 0}); // one function of it
        ByteArrayOutputStream section = new ByteArrayOutputStream();
        section.write(1);
        WasmBytes.u32(section, body.length);
        section.writeBytes(body);
        WasmBytes.section(m, 10, section.toByteArray());
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        WasmBytes.name(names, "name");
        names.writeBytes(new byte[] {1, 6, 1, 0, 3, 'b', 'i', 'g'}); // function 0 is "big"
        WasmBytes.section(m, 0, names.toByteArray());
        return m.toByteArray();
    }
}
