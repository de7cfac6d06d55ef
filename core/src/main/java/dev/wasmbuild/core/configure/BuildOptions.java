package dev.wasmbuild.core.configure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * How CPython is built, as the user chose it: named switches instead of positional booleans.
 * {@link ConfigureArguments} checks them against the target and turns them into arguments.
 *
 * @param dynamicLinking --enable-wasm-dynamic-linking (emscripten only)
 * @param pthreads --enable-wasm-pthreads (emscripten only)
 * @param debug --with-pydebug
 * @param configureArguments more configure arguments, added last (checked by the plan)
 * @param jobs parallel make jobs, 1 or more
 * @param compilerLauncher ccache or the like, or null
 * @param portSources local source trees for emscripten's ports ("zlib", "bzip2")
 */
public record BuildOptions(boolean dynamicLinking, boolean pthreads, boolean debug, List<String> configureArguments,
        int jobs, String compilerLauncher, Map<String, Path> portSources) {

    public BuildOptions {
        // Blank and null entries stay: ConfigureArguments.validate skips them, as a pom list may hold them.
        configureArguments = configureArguments == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(configureArguments));
        portSources = portSources == null ? Map.of() : Map.copyOf(portSources);
    }
}
