package dev.wasmbuild.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The guest half of an interpreter, embed_driver.py, which python runs with -c. */
final class PythonDriver {
    private static final String RESOURCE = "embed_driver.py";
    private static String source;

    private PythonDriver() {
    }

    static synchronized String source() {
        if (source == null) {
            try (InputStream in = PythonDriver.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing next to " + PythonDriver.class.getName());
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return source;
    }
}
