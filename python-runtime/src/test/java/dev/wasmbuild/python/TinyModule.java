package dev.wasmbuild.python;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A wasm module with one page of memory and nothing else: a guest's memory to call WASI with. */
final class TinyModule {
    /** magic, version, a memory section (one memory, at least 1 page), its export as "memory". */
    static final byte[] BYTES = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x05, 0x03, 0x01, 0x00, 0x01,
        0x07, 0x0a, 0x01, 0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00,
    };

    private TinyModule() {
    }

    static WasmModule module() {
        return Parser.parse(BYTES);
    }

    static Instance instance() {
        return Instance.builder(module()).build();
    }

    static HostFunction function(HostFunction[] functions, String name) {
        return Arrays.stream(functions).filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** Writes text at ptr and returns its length in bytes. */
    static int put(Instance instance, int ptr, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        instance.memory().write(ptr, bytes);
        return bytes.length;
    }
}
