package dev.wasmbuild.jarcompiler;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A hand-assembled module with one imported function (so code-section positions and function
 * indices differ by one), two defined functions "a" (42) and "b" (43), a DWARF-like custom
 * section and a name section; Chicory's own parser and interpreter read the result.
 */
class CompiledModuleTest {

    @Test
    void compiledBodiesBecomeUnreachableInterpretedOnesStay() {
        byte[] stripped = CompiledModule.strip(module(), Set.of(2));
        WasmModule m = Parser.parse(stripped);
        Instance instance = Instance.builder(m).withImportValues(imports()).build();
        // Function 2 ("b") was left to the interpreter: its body is still there and runs.
        assertEquals(43L, instance.export("b").apply()[0]);
        // Function 1 ("a") was compiled: its body is gone, the classes would run instead.
        assertThrows(TrapException.class, () -> instance.export("a").apply());
        assertEquals("b", m.nameSection().nameOfFunction(2));
    }

    @Test
    void customSectionsOtherThanNamesAreDropped() {
        byte[] original = module();
        byte[] stripped = CompiledModule.strip(original, Set.of());
        assertTrue(contains(original, ".debug_info"));
        assertFalse(contains(stripped, ".debug_info"));
        assertTrue(contains(stripped, "name"));
        assertTrue(stripped.length < original.length);
        // Nothing interpreted: every body is unreachable, and the module still parses and links.
        Instance instance = Instance.builder(Parser.parse(stripped)).withImportValues(imports()).build();
        assertThrows(TrapException.class, () -> instance.export("b").apply());
    }

    @Test
    void theOriginalRunsBothFunctions() {
        // The fixture itself is a valid module: what the other tests see is the stripping.
        Instance instance = Instance.builder(Parser.parse(module())).withImportValues(imports()).build();
        assertArrayEquals(new long[] {42}, instance.export("a").apply());
        assertArrayEquals(new long[] {43}, instance.export("b").apply());
    }

    @Test
    void somethingElseIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompiledModule.strip("not wasm at all".getBytes(StandardCharsets.US_ASCII), Set.of()));
        assertEquals("not a wasm module (no \\0asm header)", e.getMessage());
    }

    private static ImportValues imports() {
        return ImportValues.builder().addFunction(new HostFunction("env", "f",
                FunctionType.of(List.of(), List.of(ValType.I32)), (inst, args) -> new long[] {7})).build();
    }

    private static byte[] module() {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        bytes(m, 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
        section(m, 1, 0x01, 0x60, 0x00, 0x01, 0x7f); // one type: () -> i32
        section(m, 2, 0x01, 0x03, 'e', 'n', 'v', 0x01, 'f', 0x00, 0x00); // import env.f, type 0
        section(m, 3, 0x02, 0x00, 0x00); // two functions of type 0
        section(m, 7, 0x02, 0x01, 'a', 0x00, 0x01, 0x01, 'b', 0x00, 0x02); // exports a = 1, b = 2
        section(m, 10, 0x02, 0x04, 0x00, 0x41, 42, 0x0b, 0x04, 0x00, 0x41, 43, 0x0b); // i32.const 42 / 43
        section(m, 0, 0x0b, '.', 'd', 'e', 'b', 'u', 'g', '_', 'i', 'n', 'f', 'o', 1, 2, 3);
        section(m, 0, 0x04, 'n', 'a', 'm', 'e', 0x01, 0x04, 0x01, 0x02, 0x01, 'b'); // function 2 is "b"
        return m.toByteArray();
    }

    private static void section(ByteArrayOutputStream m, int id, int... body) {
        bytes(m, id, body.length);
        bytes(m, body);
    }

    private static void bytes(ByteArrayOutputStream m, int... values) {
        for (int v : values) {
            m.write(v);
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
