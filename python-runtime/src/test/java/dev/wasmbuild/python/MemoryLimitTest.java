package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The guest's memory stops at its limit: memory.grow fails there (malloc, MemoryError) instead of the JVM's heap. */
class MemoryLimitTest {
    @Test
    void growStopsAtTheLimit() {
        int[] grown = new WasiPython(TinyModule.module(), null).memoryLimit(4 * 65536)
                .withInstance(List.of(), instance -> new int[] {
                    instance.memory().grow(3), instance.memory().grow(1), instance.memory().pages()});
        assertEquals(1, grown[0], "from 1 page to 4");
        assertEquals(-1, grown[1], "a fifth page is refused");
        assertEquals(4, grown[2]);
    }

    @Test
    void theDefaultIsAQuarterOfTheHeap() {
        long limit = WasiPython.defaultMemoryLimit();
        assertTrue(limit > 0 && limit <= Runtime.getRuntime().maxMemory() / 4, "" + limit);
    }

    @Test
    void aLimitTooSmallForCPythonIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Python.builder().memoryLimit(1000));
        assertTrue(e.getMessage().contains("memoryLimit"), e.getMessage());
    }
}
