package dev.wasmbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SessionOutputsTest {
    private final Path file = Path.of("/build/shared/config.site-wasm32-wasi");

    @Test
    void aSecondModuleWithOtherContentIsTheClash() {
        Object session = new Object();
        assertNull(SessionOutputs.claim(session, file, "g:a", "1111"));
        assertEquals(new SessionOutputs.Claim("g:a", "1111"), SessionOutputs.claim(session, file, "g:b", "2222"));
    }

    @Test
    void theSameContentOrTheSameModuleIsNot() {
        Object session = new Object();
        assertNull(SessionOutputs.claim(session, file, "g:a", "1111"));
        assertNull(SessionOutputs.claim(session, file, "g:b", "1111"), "two modules agreeing on one file");
        assertNull(SessionOutputs.claim(session, file, "g:b", "3333"), "a module rewriting its own file");
        assertNull(SessionOutputs.claim(session, Path.of("/build/shared/../shared/other"), "g:a", "4444"));
    }

    @Test
    void anotherBuildStartsAfresh() {
        assertNull(SessionOutputs.claim(new Object(), file, "g:a", "1111"));
        assertNull(SessionOutputs.claim(new Object(), file, "g:b", "2222"));
    }
}
