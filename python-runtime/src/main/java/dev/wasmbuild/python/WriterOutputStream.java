package dev.wasmbuild.python;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Python's UTF-8 output into a JSR-223 context's Writer. Decodes across write boundaries (a
 * character split between two writes is kept until its last byte comes).
 */
final class WriterOutputStream extends OutputStream {
    private final Writer writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(4096);
    private final CharBuffer chars = CharBuffer.allocate(4096);

    WriterOutputStream(Writer writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, bytes.remaining());
            bytes.put(b, off, n);
            off += n;
            len -= n;
            bytes.flip();
            while (decoder.decode(bytes, chars, false).isOverflow()) {
                drain();
            }
            drain();
            bytes.compact();
        }
    }

    private void drain() throws IOException {
        chars.flip();
        writer.write(chars.array(), chars.position(), chars.remaining());
        chars.clear();
    }

    @Override
    public synchronized void flush() throws IOException {
        writer.flush();
    }
}
