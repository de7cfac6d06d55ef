package dev.wasmbuild.python;

/**
 * A call wrote more to stdout and stderr together than the interpreter's output limit
 * ({@link PythonSandbox.Builder#callOutputLimit}). The guest's write past the limit failed with
 * EFBIG (Python's OSError "File too large"); what fitted was delivered, the rest dropped. The
 * interpreter stays usable; the count starts again at the next call.
 */
public class PythonOutputLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PythonOutputLimitException(long limit, PythonException raised) {
        super("python wrote more than " + limit + " bytes of output in one call; the rest was dropped", raised);
    }
}
