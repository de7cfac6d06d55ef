package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** A closed pipe behind System.out reaches the guest as EPIPE, so python stops writing. */
class GuestOutputTest {
    /** As a pipe whose reader (head) has gone. */
    private static final OutputStream CLOSED_PIPE = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
        }
    };

    @Test
    void aPrintStreamsSwallowedErrorIsThrown() {
        GuestOutput out = new GuestOutput(new PrintStream(CLOSED_PIPE));
        assertThrows(IOException.class, () -> out.write(new byte[] {'x', '\n'}, 0, 2));
        assertTrue(out.failed());
    }

    @Test
    void fdWriteAnswersEpipe() {
        GuestOutput out = new GuestOutput(new PrintStream(CLOSED_PIPE));
        GuestOutput err = new GuestOutput(OutputStream.nullOutputStream());
        try (WasiPreview1 wasi = WasiPreview1.builder()
                .withOptions(WasiOptions.builder().withStdout(out).withStderr(err).build()).build()) {
            HostFunction write = GuestOutput.epipe(TinyModule.function(wasi.toHostFunctions(), "fd_write"), out, err);
            Instance instance = TinyModule.instance();
            // One iovec at 64: 2 bytes at 128.
            instance.memory().writeI32(64, 128);
            instance.memory().writeI32(68, 2);
            TinyModule.put(instance, 128, "x\n");
            assertEquals(GuestOutput.EPIPE, write.handle().apply(instance, new long[] {1, 64, 1, 96})[0]);
            assertEquals(0, write.handle().apply(instance, new long[] {2, 64, 1, 96})[0]);
        }
    }
}
