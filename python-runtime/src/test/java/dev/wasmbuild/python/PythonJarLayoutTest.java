package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The resource contract agrees with the classes that read it. */
class PythonJarLayoutTest {

    @Test
    void guestStdlibIsUnderTheDefaultPrefix() {
        assertEquals("/usr/local/lib/python3.11", PythonJarLayout.guestStdlib("3.11"));
        assertEquals("/usr/local/lib/python3.13", PythonJarLayout.guestStdlib("3.13"));
    }

    @Test
    void theInterpreterAndItsStdlibShareOnePrefix() {
        // CPython derives its prefix from the program path: /usr/local/bin/python3 → /usr/local.
        String prefix = WasiPython.PROGRAM.substring(0, WasiPython.PROGRAM.indexOf("/bin/"));
        assertTrue(PythonJarLayout.guestStdlib("3.11").startsWith(prefix + "/lib/"), prefix);
    }

    @Test
    void resourcesSitInTheLaunchersPackage() {
        // The launcher loads lib.zip and python.properties relative to its own class.
        assertEquals(StandardLibrary.class.getPackageName().replace('.', '/') + "/", PythonJarLayout.RESOURCE_DIRECTORY);
        assertTrue(PythonJarLayout.MACHINE_CLASS.startsWith(Python.class.getPackageName() + "."));
    }

    @Test
    void theMainClassIsTheLauncher() {
        assertEquals(Python.class.getName(), PythonJarLayout.MAIN_CLASS);
    }
}
