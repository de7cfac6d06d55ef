package dev.wasmbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasmbuild.core.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentLineTest {
    @Test
    void splitsLikeAShellWithoutExpanding() throws Exception {
        assertEquals(List.of("-c", "print(6*7)"), ArgumentLine.split("-c 'print(6*7)'", "args"));
        assertEquals(List.of("-c", "import sys; print(\"$HOME\")"),
                ArgumentLine.split("-c \"import sys; print(\\\"\\$HOME\\\")\"", "args"));
        assertEquals(List.of("a b", "c"), ArgumentLine.split("  a\\ b   c ", "args"));
        assertEquals(List.of(""), ArgumentLine.split("''", "args"));
        assertEquals(List.of(), ArgumentLine.split("   ", "args"));
    }

    @Test
    void unbalancedQuotesNameTheElement() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ArgumentLine.split("-c 'x", "args"));
        assertEquals("args", e.setting());
    }
}
