package dev.wasmbuild.python;

/**
 * A Python exception that a {@link PythonInterpreter} call raised, or a Python value that has
 * no Java value (then a TypeError naming its type). The interpreter stays usable.
 *
 * <pre>{@code
 * try {
 *     python.eval("1/0");
 * } catch (PythonException e) {
 *     e.pythonType();      // "ZeroDivisionError"
 *     e.pythonMessage();   // "division by zero"
 *     e.pythonTraceback(); // "Traceback (most recent call last):\n  File ..."
 * }
 * }</pre>
 */
public class PythonException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String pythonType;
    private final String pythonMessage;
    private final String pythonTraceback;

    public PythonException(String pythonType, String pythonMessage, String pythonTraceback) {
        super(pythonMessage.isEmpty() ? pythonType : pythonType + ": " + pythonMessage);
        this.pythonType = pythonType;
        this.pythonMessage = pythonMessage;
        this.pythonTraceback = pythonTraceback;
    }

    /** The exception's class, as Python names it: "ValueError", or "json.decoder.JSONDecodeError" outside builtins. */
    public String pythonType() {
        return pythonType;
    }

    /** {@code str(exception)}. */
    public String pythonMessage() {
        return pythonMessage;
    }

    /** As Python prints it, from the first frame of the caller's code (none of the runtime's own). */
    public String pythonTraceback() {
        return pythonTraceback;
    }
}
