package dev.wasmbuild.core;

/**
 * Bad input, found before any file is written or process started. It names the setting at
 * fault (the parameter name, e.g. "disable") and says what would be valid. Messages refer to
 * other settings as {@code {name}}; the front end renders that in its own terms (the Maven
 * plugin as {@code <name>}), so the core never spells pom syntax.
 */
public class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String setting;

    public ConfigurationException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The setting (parameter name) at fault. */
    public String setting() {
        return setting;
    }
}
