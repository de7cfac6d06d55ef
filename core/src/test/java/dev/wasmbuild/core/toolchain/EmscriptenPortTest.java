package dev.wasmbuild.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reading a port's download URL and directory from an emscripten tools/ports/NAME.py, on
 * fixtures in test resources (ports/) shaped like emscripten's zlib.py and bzip2.py.
 */
class EmscriptenPortTest {
    private static final Path PORTS = fixtures();

    private static Path fixtures() {
        try {
            return Path.of(EmscriptenPortTest.class.getResource("ports").toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsAnFStringUrlAndAConcatenatedDirectory() {
        assertEquals(Optional.of(new EmscriptenPort("zlib", "https://example.invalid/ports/zlib-1.2.11.zip",
                "zlib-1.2.11")), EmscriptenPort.read(PORTS, "fstring"));
    }

    @Test
    void readsAUrlConcatenatedFromLiteralsAndAConstant() {
        assertEquals(Optional.of(new EmscriptenPort("bzip2", "https://example.invalid/bzip2/archive/1.0.6.zip",
                "bzip2-1.0.6")), EmscriptenPort.read(PORTS, "concat"));
    }

    @Test
    void anUnknownConstantMakesThePortUnavailableRatherThanWronglySeeded() {
        assertEquals(Optional.empty(), EmscriptenPort.read(PORTS, "undefined"));
    }

    @Test
    void anExpressionItCannotEvaluateMakesThePortUnavailable() {
        assertEquals(Optional.empty(), EmscriptenPort.read(PORTS, "computed"));
    }

    @Test
    void aPortWithoutFetchProjectOrWithoutAFileIsUnavailable() {
        assertEquals(Optional.empty(), EmscriptenPort.read(PORTS, "nofetch"));
        assertEquals(Optional.empty(), EmscriptenPort.read(PORTS, "no-such-port"));
    }

    @Test
    void evaluateHandlesEachPartKind() {
        Map<String, String> c = Map.of("VERSION", "1.2", "TAG", "v1");
        assertEquals("a-1.2-v1.tgz", EmscriptenPort.evaluate("f'a-{VERSION}-{TAG}' + '.tgz'", c));
        assertEquals("1.2", EmscriptenPort.evaluate("VERSION", c));
        assertEquals("", EmscriptenPort.evaluate("''", c));
        assertNull(EmscriptenPort.evaluate("f'{OTHER}'", c));
        assertNull(EmscriptenPort.evaluate("'a' + OTHER", c));
    }

    @Test
    void aReplacementWithRegexSpecialCharactersIsTakenLiterally() {
        // A version like "1$2" must not be read as a group reference.
        assertEquals("x-1$2\\", EmscriptenPort.evaluate("f'x-{VERSION}'", Map.of("VERSION", "1$2\\")));
    }
}
