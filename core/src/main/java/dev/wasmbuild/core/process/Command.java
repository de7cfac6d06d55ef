package dev.wasmbuild.core.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A fully decided command: the argument list (no shell ever parses it), the working directory
 * and the child's complete environment (nothing is inherited implicitly).
 */
public record Command(List<String> arguments, Path directory, Map<String, String> environment) {
    public Command {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    public String program() {
        return arguments.get(0);
    }

    /** For logs and error messages: the words joined by spaces, as a user would retype them. */
    public String line() {
        return String.join(" ", arguments);
    }
}
