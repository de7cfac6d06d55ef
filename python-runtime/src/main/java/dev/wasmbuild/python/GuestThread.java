package dev.wasmbuild.python;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The thread a {@link PythonInterpreter}'s guest runs on, and how it ended. Holds nothing of the
 * PythonInterpreter, so that a Cleaner can stop it once the interpreter is unreachable.
 */
final class GuestThread {
    final GuestChannel channel;
    volatile PythonStoppedException stopped;
    volatile PythonStoppedException stopping;
    private Thread thread;

    GuestThread(GuestChannel channel) {
        this.channel = channel;
    }

    void start(WasiPython python, Path scratch, long stackSize) {
        String driver = PythonDriver.source();
        thread = new Thread(null, () -> run(python, scratch, driver), "python-interpreter", stackSize);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(WasiPython python, Path scratch, String driver) {
        Throwable cause = null;
        String why;
        try {
            int status = python.run(List.of("-c", driver, Integer.toString(GuestChannel.FD)));
            why = "python exited with status " + status;
        } catch (StackOverflowError e) {
            cause = e;
            why = "python's stack overflowed (recursion deeper than the interpreter thread's stack)";
        } catch (com.dylibso.chicory.runtime.ChicoryInterruptedException e) {
            cause = e;
            why = "python was interrupted";
        } catch (com.dylibso.chicory.runtime.WasmRuntimeException e) {
            cause = e;
            // The C stack is the low end of linear memory; past its bottom come negative addresses.
            why = String.valueOf(e.getMessage()).contains("address: -")
                    ? "python's C stack overflowed (C recursion deeper than its stack: keep"
                            + " sys.setrecursionlimit near its default)"
                    : "python crashed: " + e;
        } catch (Throwable e) {
            cause = e;
            why = "python crashed: " + e;
        } finally {
            ScratchDirectories.delete(scratch);
        }
        PythonStoppedException reason = stopping;
        stopped = reason != null ? reason : new PythonStoppedException(why + "; this interpreter cannot be used again",
                cause);
        channel.replies.add(GuestChannel.ENDED);
    }

    byte[] awaitStart() {
        try {
            byte[] first = channel.replies.take();
            if (first == GuestChannel.ENDED) {
                throw stopped;
            }
            return first;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(new PythonStoppedException("interrupted while python started", e));
            throw stopped;
        }
    }

    byte[] call(byte[] request, Duration timeLimit) {
        if (stopped != null) {
            throw new PythonStoppedException("this interpreter has stopped: " + stopped.getMessage(), stopped);
        }
        channel.send(request);
        byte[] reply;
        try {
            reply = timeLimit == null ? channel.replies.take()
                    : channel.replies.poll(timeLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(new PythonStoppedException("the calling thread was interrupted, so python was stopped;"
                    + " this interpreter cannot be used again", e));
            throw stopped;
        }
        if (reply == null) {
            stop(new PythonTimeoutException(timeLimit));
            throw stopped;
        }
        if (reply == GuestChannel.ENDED) {
            throw stopped;
        }
        return reply;
    }

    /** Interrupts the guest (Chicory then unwinds it) and waits for its thread to end. */
    void stop(PythonStoppedException reason) {
        if (stopping == null) {
            stopping = reason;
        }
        thread.interrupt();
        join();
    }

    /** The Cleaner's action, and close(): asks the driver to quit, and stops it if it does not. */
    void shutdown() {
        if (stopped != null) {
            return;
        }
        if (stopping == null) {
            stopping = new PythonStoppedException("this interpreter is closed", null);
        }
        channel.send(new byte[] {'q'});
        try {
            thread.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            stop(stopping);
        }
    }

    private void join() {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.isAlive() && System.nanoTime() < deadline) {
            try {
                thread.join(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (stopped == null) {
            stopped = stopping;
        }
    }
}
