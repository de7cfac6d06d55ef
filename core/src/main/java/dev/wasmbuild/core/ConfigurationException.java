package dev.wasmbuild.core;

/**
 * Bad input, found before any file is written or process started. It names the {@link Setting}
 * at fault and says what would be valid. Messages refer to other settings by concatenating
 * their {@link Setting} (and to other steps by {@link Action}); the front end renders those in
 * its own terms (the Maven plugin as {@code <name>}), so the core never spells pom syntax.
 */
public class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Setting setting;

    public ConfigurationException(Setting setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The setting at fault. */
    public Setting setting() {
        return setting;
    }
}
