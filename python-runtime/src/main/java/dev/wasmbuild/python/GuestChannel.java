package dev.wasmbuild.python;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The request and reply channel between a {@link PythonInterpreter} and its guest: a file
 * descriptor number no WASI file has, which fd_read and fd_write serve here instead of handing
 * it to Chicory's WASI. The guest's fd_read of it blocks until the next request; its fd_write
 * of it collects a reply frame (a u32 length and a body) and hands it over when complete.
 * Also counts what one call writes to stdout and stderr, to stop it at the output limit.
 */
final class GuestChannel {
    /** Far above any descriptor Chicory hands out (it counts up from the preopens). */
    static final int FD = 1 << 30;
    private static final int ESUCCESS = 0;
    private static final int EFBIG = 22;
    /** What the guest thread puts in {@link #replies} when it ends. */
    static final byte[] ENDED = new byte[0];

    final BlockingQueue<byte[]> requests = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();
    private final long outputLimit;
    private byte[] pending = new byte[0];
    private int pendingAt;
    private final ByteArrayOutputStream reply = new ByteArrayOutputStream();
    private volatile long written;
    private volatile boolean outputExceeded;

    /** @param outputLimit bytes a call may write to stdout and stderr together; 0 for no limit */
    GuestChannel(long outputLimit) {
        this.outputLimit = outputLimit;
    }

    /** A new call: its output count starts at zero, and the request goes to the guest as one frame. */
    void send(byte[] body) {
        written = 0;
        outputExceeded = false;
        byte[] frame = new byte[4 + body.length];
        java.nio.ByteBuffer.wrap(frame).putInt(body.length).put(body);
        requests.add(frame);
    }

    boolean outputExceeded() {
        return outputExceeded;
    }

    long outputLimit() {
        return outputLimit;
    }

    /** For {@link WasiPython#hostFunctions}: fd_read and fd_write learn the channel. */
    HostFunction wrap(HostFunction f) {
        if (f.name().equals("fd_read")) {
            return new HostFunction(f.module(), f.name(), f.functionType(), (instance, args) ->
                    args[0] == FD ? new long[] {read(instance, args)} : f.handle().apply(instance, args));
        }
        if (f.name().equals("fd_write")) {
            return new HostFunction(f.module(), f.name(), f.functionType(), (instance, args) -> {
                if (args[0] == FD) {
                    return new long[] {write(instance, args)};
                }
                if (outputLimit > 0 && (args[0] == 1 || args[0] == 2)) {
                    long size = size(instance.memory(), (int) args[1], (int) args[2]);
                    if (written + size > outputLimit) {
                        outputExceeded = true;
                        return new long[] {EFBIG};
                    }
                    written += size;
                }
                return f.handle().apply(instance, args);
            });
        }
        return f;
    }

    private int read(Instance instance, long[] args) {
        if (pendingAt == pending.length) {
            try {
                pending = requests.take();
            } catch (InterruptedException e) {
                throw new ChicoryInterruptedException("python was stopped while it waited for a request");
            }
            pendingAt = 0;
        }
        Memory memory = instance.memory();
        int iovs = (int) args[1];
        int total = 0;
        for (int i = 0; i < (int) args[2] && pendingAt < pending.length; i++) {
            int buf = memory.readInt(iovs + 8 * i);
            int len = Math.min(memory.readInt(iovs + 8 * i + 4), pending.length - pendingAt);
            memory.write(buf, pending, pendingAt, len);
            pendingAt += len;
            total += len;
        }
        memory.writeI32((int) args[3], total);
        return ESUCCESS;
    }

    private int write(Instance instance, long[] args) {
        Memory memory = instance.memory();
        int iovs = (int) args[1];
        int total = 0;
        for (int i = 0; i < (int) args[2]; i++) {
            int buf = memory.readInt(iovs + 8 * i);
            int len = memory.readInt(iovs + 8 * i + 4);
            reply.write(memory.readBytes(buf, len), 0, len);
            total += len;
        }
        memory.writeI32((int) args[3], total);
        byte[] bytes = reply.toByteArray();
        if (bytes.length >= 4) {
            int length = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8)
                    | (bytes[3] & 0xff);
            if (bytes.length >= 4 + length) {
                byte[] body = java.util.Arrays.copyOfRange(bytes, 4, 4 + length);
                reply.reset();
                reply.write(bytes, 4 + length, bytes.length - 4 - length);
                replies.add(body);
            }
        }
        return ESUCCESS;
    }

    private static long size(Memory memory, int iovs, int count) {
        long size = 0;
        for (int i = 0; i < count; i++) {
            size += memory.readInt(iovs + 8 * i + 4) & 0xffffffffL;
        }
        return size;
    }
}
