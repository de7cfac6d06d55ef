package dev.wasmbuild.maven;

import java.lang.reflect.Field;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * Sets a mojo's parameters the way Maven does: straight into its (private) fields, found in the
 * class or any superclass. Tests use this instead of a Maven container.
 */
final class Mojos {
    private Mojos() {
    }

    static <T extends AbstractWasmMojo> T set(T mojo, String field, Object value) {
        for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                f.set(mojo, value);
                return mojo;
            } catch (NoSuchFieldException e) {
                // look further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no field " + field + " in " + mojo.getClass());
    }

    /** What Maven injects into every goal: the execution (for the goal name) and the plugin (version). */
    static <T extends AbstractWasmMojo> T prepared(T mojo, String goal, RecordingLog log) {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setVersion("0.0.0-test");
        set(mojo, "execution", new MojoExecution(new Plugin(), goal, "default-cli"));
        set(mojo, "plugin", plugin);
        mojo.setLog(log);
        return mojo;
    }
}
