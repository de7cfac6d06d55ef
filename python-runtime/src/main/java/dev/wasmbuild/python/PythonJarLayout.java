package dev.wasmbuild.python;

/**
 * The contract between the jar that wasm:jar writes and the launcher in it: where each
 * resource lives and what it is called. The plugin's packaging and this runtime both read
 * these names from here, so neither can drift from the other.
 */
public final class PythonJarLayout {
    /** The package every resource of the jar sits in, as a resource path prefix. */
    public static final String RESOURCE_DIRECTORY = "dev/wasmbuild/python/";
    /** python.wasm's functions compiled to the methods of this class. */
    public static final String MACHINE_CLASS = "dev.wasmbuild.python.PythonMachine";
    /** The module itself, which Chicory still parses for its imports, exports and memory. */
    public static final String WASM = "python.wasm";
    /** The stdlib as one zip: python3.X/… with lib-dynload inside. */
    public static final String STDLIB_ZIP = "lib.zip";
    /** version=3.X and lib.sha256=… (which names the unpacked stdlib's directory). */
    public static final String PROPERTIES = "python.properties";
    /** The class to start: {@code java -jar} and the manifest's Main-Class. */
    public static final String MAIN_CLASS = "dev.wasmbuild.python.Python";

    private PythonJarLayout() {
    }

    /** Where CPython looks for its stdlib with the default prefix, as the guest sees it. */
    public static String guestStdlib(String version) {
        return "/usr/local/lib/python" + version;
    }
}
