package dev.wasmbuild.maven;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core refers to settings as {@code {name}}; a pom user knows them as {@code <name>}
 * elements. Everything the core says passes through here before it reaches Maven's log or a
 * failure message.
 */
final class PomTerms {
    private static final Pattern SETTING = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)\\}");

    private PomTerms() {
    }

    static String render(String coreText) {
        if (coreText == null) {
            return null;
        }
        Matcher m = SETTING.matcher(coreText);
        return m.replaceAll(r -> Matcher.quoteReplacement("<" + r.group(1) + ">"));
    }

    /** A core configuration error as the pom user reads it: the element at fault first. */
    static String configurationError(String setting, String message) {
        return "<" + setting + ">: " + render(message);
    }
}
