package dev.wasmbuild.python;

/**
 * The interpreter stopped and cannot run anything again: it was closed, it ran past its time
 * limit, its thread was interrupted, python exited ({@code os._exit}), it crashed (a trap), its
 * stack overflowed, or its memory did not fit in the JVM. The JVM and every other interpreter
 * are unaffected; make a new interpreter to go on.
 */
public class PythonStoppedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PythonStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
