package dev.wasmbuild.core;

import java.util.Locale;

/**
 * The steps a message can send the user to ("build first", "serve it"), by what they do, not by
 * how a front end spells them. A message concatenates {@link #toString()} to name the step and
 * {@link #command()} or {@link #command(Setting, String)} for the command line that runs it;
 * the Maven plugin renders them as {@code wasm:build} and {@code mvn wasm:build -Dwasm.target=wasi}.
 */
public enum Action {
    BUILD,
    CLEAN,
    JAR,
    SERVE,
    SERVE_START,
    SERVE_STOP;

    /** The step's neutral name, e.g. {@code serve-stop}. */
    public String neutralName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The reference to the step itself, {@code {step:build}}. */
    @Override
    public String toString() {
        return "{step:" + neutralName() + "}";
    }

    /** The reference to the command that runs the step, {@code {run:build}}. */
    public String command() {
        return "{run:" + neutralName() + "}";
    }

    /** The command with one setting given, {@code {run:build target=wasi}}. */
    public String command(Setting setting, String value) {
        return "{run:" + neutralName() + " " + setting.neutralName() + "=" + value + "}";
    }
}
