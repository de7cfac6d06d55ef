package dev.wasmbuild.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one python run may see of the host, made with {@link Python#builder()}:
 *
 * <pre>{@code
 * PythonSandbox python = Python.builder()
 *         .mountReadOnly(Path.of("scripts"), "/scripts")
 *         .mountReadWrite(Path.of("out"), "/out")
 *         .environment("LANG", "C.UTF-8")
 *         .memoryLimit(256L << 20)
 *         .build();
 * int status = python.run("/scripts/report.py", "/out/report.txt");
 * }</pre>
 *
 * <p>Closed by default: the guest sees its standard library (read-only), a private empty
 * scratch directory as /tmp (deleted after the run), an empty read-only directory as / and its
 * working directory, and nothing else of the host, whatever directory the JVM was started in.
 * The environment is empty. Each mount is one host directory; the guest cannot leave it: "..",
 * absolute host paths and symbolic links that lead out of it (a link to /etc inside a mounted
 * directory) fail with EPERM (PermissionError), and in a read-only mount whatever would write
 * fails with EROFS (OSError "Read-only file system"). Mounting at "/" replaces the empty root,
 * as {@code java -jar} does with the working directory.
 *
 * <p>A sandbox is immutable and may run any number of times, from any number of threads at once:
 * each run is a fresh interpreter with its own scratch /tmp.
 * {@link #interpreter()} makes an interpreter that keeps its state from call to call, in the same
 * sandbox, each with its own scratch /tmp.
 *
 * <p><b>Stopping a run.</b> {@link Thread#interrupt()} of the thread inside {@code run} stops the
 * guest within milliseconds: {@code run} then throws Chicory's unchecked
 * {@code com.dylibso.chicory.runtime.ChicoryInterruptedException}. Other unchecked exceptions a
 * run can throw: {@link IllegalStateException} when python's memory did not fit in the JVM's
 * heap (lower {@link Builder#memoryLimit}) or the jar is incomplete, {@link UncheckedIOException}
 * when its directories cannot be prepared or the stdlib is damaged beyond repair, and Chicory's
 * {@code com.dylibso.chicory.wasm.ChicoryException} (a {@code TrapException} for a crash of the
 * guest itself). A Python exception is not one of them: python prints its traceback to the
 * error stream and the status is 1.
 */
public final class PythonSandbox {
    /** Where the guest finds its own scratch directory. */
    public static final String TMP = "/tmp";

    private final Map<String, Path> mounts;
    private final Map<String, Boolean> readOnly;
    private final Map<String, String> environment;
    private final long memoryLimit;
    private final Duration callTimeLimit;
    private final long callOutputLimit;
    /**
     * The interpreter thread's stack. Chicory runs each wasm call as a JVM call, so CPython's C
     * recursion (repr of nested lists, a recursive __getattr__, deep compile) is JVM stack:
     * this is enough for CPython's own recursion limit (1000) many times over; it is only
     * reserved address space until used.
     */
    static final long STACK_SIZE = 512L << 20;

    private PythonSandbox(Builder b) {
        this.mounts = Map.copyOf(b.mounts);
        this.readOnly = Map.copyOf(b.readOnly);
        this.environment = Map.copyOf(b.environment);
        this.memoryLimit = b.memoryLimit;
        this.callTimeLimit = b.callTimeLimit;
        this.callOutputLimit = b.callOutputLimit;
    }

    /** Runs python with these arguments, no input, and the console's output streams; returns its exit status. */
    public int run(String... args) {
        return run(InputStream.nullInputStream(), System.out, System.err, args);
    }

    /** Runs python with the given output streams and no input; returns its exit status. */
    public int run(OutputStream out, OutputStream err, String... args) {
        return run(InputStream.nullInputStream(), out, err, args);
    }

    /** Runs python with the given streams; returns its exit status. */
    public int run(InputStream in, OutputStream out, OutputStream err, String... args) {
        Path scratch = null;
        try {
            scratch = scratch();
            return prepare(scratch).streams(in, out, err).run(Arrays.asList(args));
        } finally {
            ScratchDirectories.delete(scratch);
        }
    }

    /**
     * A new interpreter in this sandbox that keeps its state between calls, its output going
     * to the console; see {@link PythonInterpreter}. Close it when done.
     */
    public PythonInterpreter interpreter() {
        return interpreter(System.out, System.err);
    }

    /** As {@link #interpreter()}, with python's stdout and stderr going to these streams. */
    public PythonInterpreter interpreter(OutputStream out, OutputStream err) {
        Path scratch = null;
        try {
            scratch = scratch();
            WasiPython python = prepare(scratch);
            Path owned = scratch;
            scratch = null;
            return new PythonInterpreter(python, owned, out, err, callTimeLimit, callOutputLimit, STACK_SIZE);
        } finally {
            ScratchDirectories.delete(scratch);
        }
    }

    private static Path scratch() {
        try {
            return ScratchDirectories.create("python-tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare python's directories: " + e.getMessage(), e);
        }
    }

    /** Python with this sandbox's directories, environment and memory limit, its /tmp in scratch. */
    private WasiPython prepare(Path scratch) {
        try {
            Path tmp = Files.createDirectory(scratch.resolve("tmp"));
            Path root = mounts.get("/");
            if (root == null) {
                root = Files.createDirectory(scratch.resolve("root"));
            }
            StandardLibrary lib = StandardLibrary.unpacked();
            WasiPython python = WasiPython.forJar(Python.module(), Python.machine(), root, tmp, lib.version(),
                    lib.directory());
            if (readOnly.getOrDefault("/", true)) {
                python.mountReadOnly("/", root);
            }
            mounts.forEach((guest, host) -> {
                if (!guest.equals("/")) {
                    if (readOnly.get(guest)) {
                        python.mountReadOnly(guest, host);
                    } else {
                        python.mount(guest, host);
                    }
                }
            });
            environment.forEach(python::environment);
            return python.memoryLimit(memoryLimit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare python's directories: " + e.getMessage(), e);
        }
    }

    /** How a {@link PythonSandbox} is set up; {@link Python#builder()} makes one. */
    public static final class Builder {
        private final Map<String, Path> mounts = new LinkedHashMap<>();
        private final Map<String, Boolean> readOnly = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private long memoryLimit = WasiPython.defaultMemoryLimit();
        private Duration callTimeLimit;
        private long callOutputLimit;

        Builder() {
        }

        /** Shows the host directory at guestPath; the guest can read it and nothing else. */
        public Builder mountReadOnly(Path hostDirectory, String guestPath) {
            return mount(hostDirectory, guestPath, true);
        }

        /** Shows the host directory at guestPath; the guest can read, write and delete in it. */
        public Builder mountReadWrite(Path hostDirectory, String guestPath) {
            return mount(hostDirectory, guestPath, false);
        }

        /**
         * @param guestPath absolute, normalised, not /tmp or the stdlib's directory; "/" replaces
         *     the empty root (and so the guest's working directory)
         * @throws IllegalArgumentException naming what is wrong with the path or directory
         */
        public Builder mount(Path hostDirectory, String guestPath, boolean readOnlyMount) {
            if (guestPath == null || !guestPath.startsWith("/") || guestPath.contains("\0")
                    || !Path.of(guestPath).normalize().toString().equals(guestPath)) {
                throw new IllegalArgumentException("mount's guest path must be absolute and normalised"
                        + " (like /data), not " + guestPath);
            }
            if (guestPath.equals(TMP) || guestPath.startsWith(TMP + "/") || guestPath.startsWith("/usr/local/lib/python")) {
                throw new IllegalArgumentException("mount's guest path " + guestPath
                        + " would hide python's own /tmp or standard library");
            }
            if (!Files.isDirectory(hostDirectory)) {
                throw new IllegalArgumentException("cannot mount " + hostDirectory + " at " + guestPath
                        + ": it is not a directory");
            }
            if (mounts.containsKey(guestPath)) {
                throw new IllegalArgumentException(guestPath + " is mounted twice");
            }
            mounts.put(guestPath, hostDirectory.toAbsolutePath().normalize());
            readOnly.put(guestPath, readOnlyMount);
            return this;
        }

        /** Sets one variable of the guest's environment (empty unless set here). */
        public Builder environment(String name, String value) {
            if (name == null || name.isEmpty() || name.contains("=") || name.contains("\0")
                    || value == null || value.contains("\0")) {
                throw new IllegalArgumentException("not an environment variable: " + name + "=" + value);
            }
            environment.put(name, value);
            return this;
        }

        /** Sets all of the given variables, as {@link #environment(String, String)}. */
        public Builder environment(Map<String, String> variables) {
            variables.forEach(this::environment);
            return this;
        }

        /**
         * The most memory the guest may use, in bytes; past it Python raises MemoryError. The
         * default is a quarter of the JVM's maximum heap (at most 4 GiB): growing the guest's
         * memory copies it, so the JVM briefly needs twice this.
         */
        public Builder memoryLimit(long bytes) {
            if (bytes < 16L << 20) {
                throw new IllegalArgumentException("memoryLimit " + bytes + " is below 16 MiB, too small for CPython");
            }
            memoryLimit = bytes;
            return this;
        }

        /**
         * The longest one call of a {@link PythonInterpreter} may run (exec, eval, call, a
         * script's eval); past it the interpreter is stopped and the call throws
         * {@link PythonTimeoutException}. None by default. Not used by {@link PythonSandbox#run}
         * (interrupt its thread instead).
         */
        public Builder callTimeLimit(Duration limit) {
            if (limit == null || limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("callTimeLimit must be positive, not " + limit);
            }
            callTimeLimit = limit;
            return this;
        }

        /**
         * The most one call of a {@link PythonInterpreter} may write to stdout and stderr together,
         * in bytes; past it the guest's writes fail and the call throws
         * {@link PythonOutputLimitException}. None by default.
         */
        public Builder callOutputLimit(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("callOutputLimit must be positive, not " + bytes);
            }
            callOutputLimit = bytes;
            return this;
        }

        public PythonSandbox build() {
            return new PythonSandbox(this);
        }
    }
}
