package dev.wasmbuild.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import org.junit.jupiter.api.Test;

class TargetTest {

    private static String refusal(String value) {
        return assertThrows(ConfigurationException.class, () -> Target.parse(value, Setting.TARGET)).getMessage();
    }

    @Test
    void parsesTheThreeIds() throws Exception {
        assertEquals(Target.WASI, Target.parse("wasi", Setting.TARGET));
        assertEquals(Target.EMSCRIPTEN_NODE, Target.parse(" emscripten-node ", Setting.TARGET));
        assertEquals(Target.EMSCRIPTEN_BROWSER, Target.parse("emscripten-browser", Setting.TARGET));
    }

    @Test
    void platformNamesPointAtTheirTargets() {
        String valid = " Valid targets: wasi, emscripten-node, emscripten-browser";
        assertEquals("unknown target 'wasm32-wasi'. Did you mean 'wasi'?" + valid, refusal("wasm32-wasi"));
        assertEquals("unknown target 'wasm32-unknown-wasi'. Did you mean 'wasi'?" + valid,
                refusal("wasm32-unknown-wasi"));
        assertEquals("unknown target 'WASI'. Did you mean 'wasi'?" + valid, refusal("WASI"));
        assertEquals("unknown target 'emscripten'. Did you mean 'emscripten-node' or 'emscripten-browser'?"
                + valid, refusal("emscripten"));
        assertEquals("unknown target 'wasm32-emscripten'. Did you mean 'emscripten-node' or "
                + "'emscripten-browser'?" + valid, refusal("wasm32-emscripten"));
    }

    @Test
    void typosGetTheNearestIdAndNonsenseNone() {
        assertEquals("unknown target 'emscripten-nod'. Did you mean 'emscripten-node'? "
                + "Valid targets: wasi, emscripten-node, emscripten-browser", refusal("emscripten-nod"));
        assertEquals("unknown target 'x86_64'. Valid targets: wasi, emscripten-node, emscripten-browser",
                assertThrows(ConfigurationException.class, () -> Target.parse("x86_64", Setting.TARGET)).getMessage());
        assertEquals("no target given; valid targets: wasi, emscripten-node, emscripten-browser", refusal(" "));
    }
}
