package dev.wasmbuild.core.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A fully decided command line: argument list, working directory and extra environment. */
public record RunCommand(List<String> command, Path directory, Map<String, String> environment) {
}
