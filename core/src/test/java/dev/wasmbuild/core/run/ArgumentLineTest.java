package dev.wasmbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentLineTest {
    @Test
    void splitsLikeAShellWithoutExpanding() throws Exception {
        assertEquals(List.of("-c", "print(6*7)"), ArgumentLine.split("-c 'print(6*7)'", Setting.ARGS));
        assertEquals(List.of("-c", "import sys; print(\"$HOME\")"),
                ArgumentLine.split("-c \"import sys; print(\\\"\\$HOME\\\")\"", Setting.ARGS));
        assertEquals(List.of("a b", "c"), ArgumentLine.split("  a\\ b   c ", Setting.ARGS));
        assertEquals(List.of(""), ArgumentLine.split("''", Setting.ARGS));
        assertEquals(List.of(), ArgumentLine.split("   ", Setting.ARGS));
    }

    @Test
    void unbalancedQuotesNameTheElement() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ArgumentLine.split("-c 'x", Setting.ARGS));
        assertEquals(Setting.ARGS, e.setting());
    }
}
