package dev.wasmbuild.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmbuild.core.Setting;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void nearTyposAreSuggestedAndFarOnesAreNot() {
        List<String> ids = List.of("mknod", "mkfifo", "hardlinks", "pty");
        assertEquals(Optional.of("mknod"), Suggestions.nearest("mknd", ids));
        assertEquals(Optional.of("hardlinks"), Suggestions.nearest("hardlink", ids));
        assertEquals(Optional.empty(), Suggestions.nearest("completely-different", ids));
    }

    @Test
    void targetErrorsSuggestAndListValidIds() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.wasmbuild.core.ConfigurationException.class,
                () -> Target.parse("emscripten-nod", Setting.TARGET));
        assertEquals(Setting.TARGET, e.setting());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("Did you mean 'emscripten-node'?"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("wasi, emscripten-node, emscripten-browser"));
    }
}
