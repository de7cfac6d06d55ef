package dev.wasmbuild.python;

import java.io.IOException;
import java.io.OutputStream;

/** An interpreter's stdout or stderr, which its owner may point elsewhere between calls. */
final class SwitchableOutput extends OutputStream {
    private volatile OutputStream target;

    SwitchableOutput(OutputStream target) {
        this.target = target;
    }

    void target(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
