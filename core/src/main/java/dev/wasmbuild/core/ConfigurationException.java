package dev.wasmbuild.core;

/**
 * Bad input from the pom, found before any file is written or process started. The message
 * names the pom element at fault and what would be valid.
 */
public class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String element;

    public ConfigurationException(String element, String message) {
        super("<" + element + ">: " + message);
        this.element = element;
    }

    /** The pom element (parameter name) at fault, without angle brackets. */
    public String element() {
        return element;
    }
}
