package dev.wasmbuild.core.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellSyntaxTest {
    @TempDir
    Path dir;

    @Test
    void namesAreValidatedAgainstThePosixForm() {
        assertTrue(ShellSyntax.isValidName("ac_cv_func_link"));
        assertTrue(ShellSyntax.isValidName("_x1"));
        assertFalse(ShellSyntax.isValidName("1x"));
        assertFalse(ShellSyntax.isValidName("a-b"));
        assertFalse(ShellSyntax.isValidName("a;b"));
        assertFalse(ShellSyntax.isValidName(""));
        assertThrows(IllegalArgumentException.class, () -> ShellSyntax.assignment("x y", "1"));
    }

    @Test
    void quotingSurvivesARealShell() throws Exception {
        Path marker = dir.resolve("pwned");
        List<String> values = List.of("no", "", "no; touch " + marker, "it's", "$(touch " + marker + ")",
                "`touch " + marker + "`", "a\nb", "\\'\"$HOME", "''''");
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            script.append(ShellSyntax.assignment("v" + i, values.get(i))).append('\n');
        }
        for (int i = 0; i < values.size(); i++) {
            script.append("printf '%s\\0' \"$v").append(i).append("\"\n");
        }
        Path file = dir.resolve("site");
        Files.writeString(file, script.toString(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("/bin/sh", "-c", ". \"$1\"", "sh", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        String[] got = out.split("\0", -1);
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i), got[i], "value " + i);
        }
        assertFalse(Files.exists(marker), "a quoted value was executed");
    }

    @Test
    void quoteFormIsTheClassicOne() throws IOException {
        assertEquals("'it'\\''s'", ShellSyntax.quote("it's"));
    }
}
