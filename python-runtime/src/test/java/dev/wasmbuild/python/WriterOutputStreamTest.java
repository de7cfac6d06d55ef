package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** UTF-8 from python reaches a Writer whole, even when a character is split between two writes. */
class WriterOutputStreamTest {
    @Test
    void charactersSplitBetweenWritesArriveWhole() throws Exception {
        byte[] text = "a新😀b".getBytes(StandardCharsets.UTF_8);
        StringWriter writer = new StringWriter();
        WriterOutputStream out = new WriterOutputStream(writer);
        for (byte b : text) {
            out.write(new byte[] {b}, 0, 1);
        }
        out.flush();
        assertEquals("a新😀b", writer.toString());
    }

    @Test
    void largeWritesAndBadBytes() throws Exception {
        StringWriter writer = new StringWriter();
        WriterOutputStream out = new WriterOutputStream(writer);
        byte[] big = "é".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        out.write(big, 0, big.length);
        out.write(new byte[] {(byte) 0xff, 'x'}, 0, 2);
        out.flush();
        assertEquals("é".repeat(10_000) + "\uFFFDx", writer.toString());
    }
}
