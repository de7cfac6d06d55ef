package dev.wasmbuild.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

    @Test
    void decodesEachSegmentOnce() {
        assertEquals(Optional.of(List.of("python.wasm")), RequestPath.segments("/python.wasm"));
        assertEquals(Optional.of(List.of("a b", "ü.py")), RequestPath.segments("/a%20b/%C3%BC.py"));
        // A doubly encoded dot-dot decodes to the literal name "%2e%2e", never to "..".
        assertEquals(Optional.of(List.of("%2e%2e", "pom.xml")), RequestPath.segments("/%252e%252e/pom.xml"));
    }

    @Test
    void marksDirectoriesWithATrailingEmptySegment() {
        assertEquals(Optional.of(List.of("")), RequestPath.segments("/"));
        assertEquals(Optional.of(List.of("lib", "")), RequestPath.segments("/lib/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../pom.xml", "/%2e%2e/pom.xml", "/%2E%2E/pom.xml", "/..%2fpom.xml", "/%2e%2e%2fpom.xml",
        "/.%2e/pom.xml", "/a/../../pom.xml", "/a/./b", "/.", "/..", "/a\\..\\b", "/%5c../pom.xml",
        "/..%5cpom.xml", "/python.js%00.html", "/%2Fetc%2Fpasswd", "/a//b", "//etc/passwd", "relative/path",
        "", "/%zz", "/%2", "/%", "/%c0%ae%c0%ae/pom.xml", "/%ff", "/tab\there", "/caf\u00e9"})
    void refusesAnythingThatCouldLeaveTheRoot(String raw) {
        assertTrue(RequestPath.segments(raw).isEmpty(), () -> raw + " gave " + RequestPath.segments(raw));
    }

    @Test
    void refusesNull() {
        assertTrue(RequestPath.segments(null).isEmpty());
    }
}
