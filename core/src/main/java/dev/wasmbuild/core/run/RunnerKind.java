package dev.wasmbuild.core.run;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import java.util.Locale;

/** The host programs that can run a build. */
public enum RunnerKind {
    /** Pick per target: wasmtime for WASI when it is on PATH, else node. */
    AUTO,
    NODE,
    WASMTIME,
    /** The pure-Java runtime, inside Maven's own JVM (WASI only). */
    CHICORY;

    public static RunnerKind parse(String value, Setting element) throws ConfigurationException {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ConfigurationException(element, "unknown runner '" + value
                    + "'; valid runners: auto, node, wasmtime, chicory");
        }
    }
}
