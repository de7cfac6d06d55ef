package dev.wasmbuild.core.make;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of make's last lines a failure message shows. */
class MakeStepFailureLinesTest {

    private static List<String> numbered(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            lines.add("line " + i);
        }
        return lines;
    }

    @Test
    void startsEightLinesBeforeTheFirstCompilerError() {
        List<String> tail = numbered(20);
        tail.set(11, "Modules/x.c:3:1: error: unknown type name 'foo'");
        tail.set(15, "make: *** [Makefile:10: x.o] Error 1");
        String shown = MakeStep.failureLines(tail);
        // Index 11 is the first failure line; context begins at index 3 ("line 4").
        assertEquals("last output:\n  " + String.join("\n  ", tail.subList(3, 20)), shown);
    }

    @Test
    void recognisesMakesOwnFailureLinesWithARecursionLevel() {
        List<String> tail = new ArrayList<>(numbered(12));
        tail.add("make[2]: *** [Makefile:1: all] Interrupt");
        assertEquals("last output:\n  " + String.join("\n  ", tail.subList(4, 13)), MakeStep.failureLines(tail));
    }

    @Test
    void aFailureNearTheTopKeepsEverythingFromTheStart() {
        List<String> tail = List.of("a", "make: *** [all] Error 2", "b");
        assertEquals("last output:\n  a\n  make: *** [all] Error 2\n  b", MakeStep.failureLines(tail));
    }

    @Test
    void withoutARecognisableFailureTheWholeTailIsShown() {
        List<String> tail = numbered(30);
        assertEquals("last output:\n  " + String.join("\n  ", tail), MakeStep.failureLines(tail));
    }
}
