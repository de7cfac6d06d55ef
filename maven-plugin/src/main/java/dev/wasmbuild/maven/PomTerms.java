package dev.wasmbuild.maven;

import dev.wasmbuild.core.Action;
import dev.wasmbuild.core.Setting;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The core names settings and steps by type ({@link Setting}, {@link Action}); in its text they
 * appear as {@code {outputDirectory}}, {@code {step:build}}, {@code {run:build target=wasi}} and
 * {@code {set:port=0}}. A pom user knows them as the {@code <outputDirectory>} element, the
 * {@code wasm:build} goal, the command {@code mvn wasm:build -Dwasm.target=wasi} and the user
 * property {@code -Dwasm.serve.port=0}. Everything the core says passes through here before it
 * reaches Maven's log or a failure message; this is the one place that spells Maven.
 */
final class PomTerms {
    private static final Map<String, Setting> SETTINGS = Arrays.stream(Setting.values())
            .collect(Collectors.toMap(Setting::neutralName, Function.identity()));
    private static final Map<String, Action> ACTIONS = Arrays.stream(Action.values())
            .collect(Collectors.toMap(Action::neutralName, Function.identity()));
    private static final Pattern REFERENCE = Pattern.compile(
            "\\{(?:(step|run|set):)?([a-zA-Z][a-zA-Z0-9-]*)(?: ([a-zA-Z][a-zA-Z0-9]*))?(?:=([^{}\\s]*))?\\}");

    private PomTerms() {
    }

    static String render(String coreText) {
        if (coreText == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(coreText);
        return m.replaceAll(r -> Matcher.quoteReplacement(rendered(r)));
    }

    /** One reference in pom terms, or the text unchanged when it is not one the core writes. */
    private static String rendered(MatchResult r) {
        String kind = r.group(1);
        String name = r.group(2);
        String option = r.group(3);
        String value = r.group(4);
        if (kind == null) {
            Setting setting = SETTINGS.get(name);
            return setting == null || value != null || option != null ? r.group() : element(setting);
        }
        if (kind.equals("set")) {
            Setting setting = SETTINGS.get(name);
            return setting == null || value == null || option != null ? r.group() : "-D" + property(setting) + "=" + value;
        }
        Action action = ACTIONS.get(name);
        if (action == null) {
            return r.group();
        }
        if (kind.equals("step")) {
            return option == null && value == null ? goal(action) : r.group();
        }
        if (option == null) {
            return value == null ? "mvn " + goal(action) : r.group();
        }
        Setting setting = SETTINGS.get(option);
        return setting == null || value == null ? r.group()
                : "mvn " + goal(action) + " -D" + property(setting) + "=" + value;
    }

    /** A core configuration error as the pom user reads it: the element at fault first. */
    static String configurationError(Setting setting, String message) {
        return element(setting) + ": " + render(message);
    }

    static String element(Setting setting) {
        return "<" + setting.neutralName() + ">";
    }

    static String goal(Action action) {
        return "wasm:" + action.neutralName();
    }

    /** The user property of a parameter: {@code wasm.<name>}, or a goal's own for the goal-specific ones. */
    static String property(Setting setting) {
        return switch (setting) {
            case PORT -> "wasm.serve.port";
            case BUILD_PYTHON -> "wasm.clean.buildPython";
            case PREINITIALIZE -> "wasm.jar.preinitialize";
            default -> "wasm." + setting.neutralName();
        };
    }
}
