package dev.wasmbuild.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class XtermRewriteTest {

    @Test
    void replacesOnlyTheCdnPrefixAndKeepsIntegrity() {
        String page = "<link rel=\"stylesheet\" href=\"https://unpkg.com/xterm@4.18.0/css/xterm.css\""
                + " crossorigin integrity=\"sha384-abc\"/>\n"
                + "<script src=\"https://unpkg.com/xterm@4.18.0/lib/xterm.js\" crossorigin"
                + " integrity=\"sha384-def\"></script>";
        XtermRewrite.Result result = XtermRewrite.rewrite(page);
        assertEquals("<link rel=\"stylesheet\" href=\"/_xterm/css/xterm.css\" crossorigin integrity=\"sha384-abc\"/>\n"
                + "<script src=\"/_xterm/lib/xterm.js\" crossorigin integrity=\"sha384-def\"></script>", result.html());
        assertEquals(Set.of("4.18.0"), result.versions());
        assertTrue(result.changed());
    }

    @Test
    void knowsJsDelivrAndTheScopedPackage() {
        XtermRewrite.Result result = XtermRewrite.rewrite(
                "a https://cdn.jsdelivr.net/npm/xterm@5.1.0/lib/xterm.js b https://unpkg.com/@xterm/xterm@5.5.0/css/x.css");
        assertEquals("a /_xterm/lib/xterm.js b /_xterm/css/x.css", result.html());
        assertEquals(Set.of("5.1.0", "5.5.0"), result.versions());
    }

    @Test
    void leavesOtherPagesAlone() {
        String page = "<script src=\"https://unpkg.com/react@18/umd/react.js\"></script> xterm@4.18.0";
        XtermRewrite.Result result = XtermRewrite.rewrite(page);
        assertEquals(page, result.html());
        assertFalse(result.changed());
    }

    /** The page CPython 3.11.2 actually ships, when the test scripts have fetched the source. */
    @Test
    void rewritesCPythonsOwnPage() throws Exception {
        Path page = Path.of(System.getProperty("user.home"),
                ".cache/wasm-maven-plugin/sources/Python-3.11.2/Tools/wasm/python.html");
        assumeTrue(Files.isRegularFile(page), "CPython 3.11.2 source not fetched");
        XtermRewrite.Result result = XtermRewrite.rewrite(Files.readString(page, StandardCharsets.UTF_8));
        assertEquals(Set.of("4.18.0"), result.versions());
        assertFalse(result.html().contains("unpkg.com"));
        assertTrue(result.html().contains("src=\"/_xterm/lib/xterm.js\""));
        assertTrue(result.html().contains("href=\"/_xterm/css/xterm.css\""));
        assertTrue(result.html().contains("integrity=\"sha384-"));
    }
}
