package dev.wasmbuild.python;

import java.time.Duration;

/**
 * A call ran past the interpreter's time limit ({@link PythonSandbox.Builder#callTimeLimit}).
 * Python cannot be stopped part-way and resumed, so the interpreter was stopped with it: every
 * later call throws {@link PythonStoppedException}.
 */
public class PythonTimeoutException extends PythonStoppedException {
    private static final long serialVersionUID = 1L;

    public PythonTimeoutException(Duration limit) {
        super("python ran past its time limit of " + limit.toMillis() + " ms and was stopped;"
                + " this interpreter cannot be used again", null);
    }
}
