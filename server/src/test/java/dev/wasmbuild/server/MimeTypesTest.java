package dev.wasmbuild.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MimeTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "python.wasm|application/wasm",
        "python.js|text/javascript",
        "python.worker.js|text/javascript",
        "repl.mjs|text/javascript",
        "python.data|application/octet-stream",
        "python.html|text/html; charset=utf-8",
        "INDEX.HTML|text/html; charset=utf-8",
        "xterm.css|text/css; charset=utf-8",
        "package.json|application/json",
        "xterm.js.map|application/json",
        "notes.txt|text/plain; charset=utf-8",
        "hello.py|text/plain; charset=utf-8",
        "python|application/octet-stream",
        "archive.xyz|application/octet-stream",
        "trailing.|application/octet-stream"})
    void knowsTheTypesABrowserBuildNeeds(String name, String type) {
        assertEquals(type, MimeTypes.of(name));
    }

    @ParameterizedTest
    @CsvSource({"python.html,true", "a.htm,true", "python.js,false", "html,false"})
    void recognisesPages(String name, boolean html) {
        if (html) {
            assertTrue(MimeTypes.isHtml(name));
        } else {
            assertFalse(MimeTypes.isHtml(name));
        }
    }
}
