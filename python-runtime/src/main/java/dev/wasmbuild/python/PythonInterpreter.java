package dev.wasmbuild.python;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One CPython interpreter that keeps its state from call to call, made by
 * {@link PythonSandbox#interpreter}:
 *
 * <pre>{@code
 * try (PythonInterpreter python = Python.builder().callTimeLimit(Duration.ofSeconds(5)).build().interpreter()) {
 *     python.exec("def greet(name, times=1):\n    return ['hello ' + name] * times");
 *     List<?> greetings = (List<?>) python.call("greet", "Ada", 2); // [hello Ada, hello Ada]
 *     Object big = python.eval("2**100");                           // a BigInteger
 *     python.set("prices", Map.of("tea", 2.5));
 *     Object total = python.eval("sum(prices.values())");           // 2.5
 * }
 * }</pre>
 *
 * <p><b>Values</b> cross the boundary as copies, mapped as follows. Python to Java: None → null,
 * bool → Boolean, int → Long, or BigInteger past 64 bits, float → Double, str → String, bytes and
 * bytearray → byte[], list and tuple → List, dict → Map (a LinkedHashMap in Python's order),
 * nested to 100 levels; any other Python value is a {@link PythonException} of type TypeError
 * naming its Python type. Java to Python: null, Boolean, Byte/Short/Integer/Long/BigInteger, Float
 * and Double, String/CharSequence/Character, byte[], any Collection or array (a list), Map (a
 * dict); any other Java value is an IllegalArgumentException naming its class.
 *
 * <p><b>Errors.</b> A Python exception becomes a {@link PythonException} with the Python type,
 * message and traceback; the interpreter goes on. {@link PythonStoppedException} means the
 * interpreter is gone (its time limit, {@link #close}, an interrupt, {@code os._exit}, a crash)
 * and every later call throws it again. {@link PythonOutputLimitException}: the call wrote more
 * than the output limit.
 *
 * <p><b>Threads.</b> The guest runs on a thread of its own (with a large stack, so that deep
 * recursion ends as Python's RecursionError). Calls from several threads are served one at a
 * time, in turn; an interpreter is never used by two calls at once. For parallel work make one
 * interpreter per thread, or a pool: interpreters share nothing but the read-only stdlib and the
 * compiled classes. Each holds its own wasm memory (CPython's pre-initialised heap and what it grew to).
 *
 * <p><b>Limits.</b> {@link PythonSandbox.Builder#callTimeLimit}: a call past it stops the
 * interpreter ({@link PythonTimeoutException}); CPython cannot be interrupted part-way and go on,
 * so the interpreter cannot be used again. {@link PythonSandbox.Builder#memoryLimit}: past it
 * Python raises MemoryError, and the interpreter goes on. {@link PythonSandbox.Builder#callOutputLimit}.
 * Python's recursion limit (1000 by default) ends deep recursion as RecursionError.
 *
 * <p>Close it (try-with-resources): its thread and memory are released then, or when it becomes
 * unreachable.
 */
public final class PythonInterpreter implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private final GuestThread guest;
    private final SwitchableOutput out;
    private final SwitchableOutput err;
    private final Duration timeLimit;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Cleaner.Cleanable cleanable;

    PythonInterpreter(WasiPython python, java.nio.file.Path scratch, OutputStream out, OutputStream err,
            Duration timeLimit, long outputLimit, long stackSize) {
        this.out = new SwitchableOutput(out);
        this.err = new SwitchableOutput(err);
        this.timeLimit = timeLimit;
        this.guest = new GuestThread(new GuestChannel(outputLimit));
        python.streams(java.io.InputStream.nullInputStream(), this.out, this.err).hostFunctions(guest.channel::wrap);
        guest.start(python, scratch, stackSize);
        this.cleanable = CLEANER.register(this, guest::shutdown);
        byte[] ready = guest.awaitStart();
        if (ready.length != 2 || ready[0] != 'R') {
            close();
            throw new PythonStoppedException("python's embedding driver did not start", null);
        }
    }

    /** Runs statements; what they define stays for later calls. */
    public void exec(String code) {
        request('x', code);
    }

    /** Evaluates one expression and returns its value (see the class comment for the mapping). */
    public Object eval(String expression) {
        return request('e', expression);
    }

    /**
     * Calls a function (or any callable) by name: a global of the interpreter, a builtin
     * ({@code "len"}), or a dotted path from either ({@code "json.dumps"} after {@code import json}).
     */
    public Object call(String function, Object... args) {
        return callWithKeywords(function, Arrays.asList(args), Map.of());
    }

    /** As {@link #call(String, Object...)}, with keyword arguments too. */
    public Object callWithKeywords(String function, List<?> args, Map<String, ?> keywords) {
        return request('c', function, args, keywords);
    }

    /** Sets a global of the interpreter. */
    public void set(String name, Object value) {
        request('s', java.util.Collections.singletonMap(name, value));
    }

    /** A global (or a dotted path from one, or a builtin); a missing name is a NameError. */
    public Object get(String name) {
        return request('g', name);
    }

    /** Where python's stdout and stderr go from the next call on (the creator's streams until then). */
    public void output(OutputStream stdout, OutputStream stderr) {
        out.target(stdout);
        err.target(stderr);
    }

    /** False once the interpreter has stopped (closed, timed out, exited, crashed). */
    public boolean isAlive() {
        return guest.stopped == null;
    }

    /** Stops python and frees its memory and scratch directory; a running call ends with PythonStoppedException. */
    @Override
    public void close() {
        cleanable.clean();
    }

    /** JSR-223: runs a script with bindings put in first; returns its value and the public data globals after. */
    @SuppressWarnings("unchecked")
    Object[] script(String source, Map<String, ?> bindings) {
        List<Object> r = (List<Object>) request('j', source, bindings);
        return new Object[] {r.get(0), r.get(1)};
    }

    private Object request(char op, Object... values) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(op);
        for (Object v : values) {
            ValueCodec.encode(v, body);
        }
        byte[] reply;
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PythonStoppedException("interrupted while waiting for the interpreter", e);
        }
        try {
            reply = guest.call(body.toByteArray(), timeLimit);
        } finally {
            lock.unlock();
        }
        ByteBuffer in = ByteBuffer.wrap(reply);
        byte kind = in.get();
        PythonException raised = null;
        Object value = null;
        if (kind == 'R') {
            value = ValueCodec.decode(in);
        } else if (kind == 'X') {
            raised = new PythonException((String) ValueCodec.decode(in), (String) ValueCodec.decode(in),
                    (String) ValueCodec.decode(in));
        } else {
            throw new IllegalStateException("a reply from python is damaged: it starts with " + kind);
        }
        if (guest.channel.outputExceeded()) {
            throw new PythonOutputLimitException(guest.channel.outputLimit(), raised);
        }
        if (raised != null) {
            throw raised;
        }
        return value;
    }
}
