package dev.wasmbuild.python;

import com.dylibso.chicory.runtime.HostFunction;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The guest's stdout or stderr. A PrintStream (System.out) never throws: it only sets a flag
 * that checkError() reports, so with {@code java -jar python.jar … | head} the guest never saw
 * the closed pipe and wrote on forever. This stream throws instead, and remembers that it failed,
 * so that fd_write can answer EPIPE (Python's BrokenPipeError, and the program ends) rather than
 * Chicory's EIO for every IOException.
 */
final class GuestOutput extends OutputStream {
    static final int EIO = 29;
    static final int EPIPE = 64;
    private static final int STDOUT = 1;
    private static final int STDERR = 2;

    private final OutputStream target;
    private volatile boolean failed;

    GuestOutput(OutputStream target) {
        this.target = target;
    }

    boolean failed() {
        return failed;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            target.write(b, off, len);
            if (target instanceof PrintStream print && print.checkError()) {
                // checkError flushes: the guest's writes reach the console as they happen.
                throw new IOException("the stream is closed (a broken pipe)");
            }
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            target.flush();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    /** fd_write answers EPIPE instead of EIO when stdout's or stderr's stream has failed. */
    static HostFunction epipe(HostFunction original, GuestOutput out, GuestOutput err) {
        if (!original.name().equals("fd_write")) {
            return original;
        }
        return new HostFunction(original.module(), original.name(), original.functionType(), (instance, args) -> {
            long[] result = original.handle().apply(instance, args);
            if (result[0] == EIO && (args[0] == STDOUT && out.failed() || args[0] == STDERR && err.failed())) {
                return new long[] {EPIPE};
            }
            return result;
        });
    }
}
