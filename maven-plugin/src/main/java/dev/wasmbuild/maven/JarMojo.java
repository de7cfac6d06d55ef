package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.packaging.EntryTime;
import dev.wasmbuild.jarcompiler.PythonJar;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Turns a finished wasi build into {@code <finalName>-python-wasi.jar}: python.wasm compiled to
 * JVM classes, the stdlib, Chicory's runtime and the launcher {@code dev.wasmbuild.python.Python}
 * (the wasm-python-runtime artifact), attached with the classifier python-wasi. Runs after
 * wasm:build (declare it after build). Compiling python.wasm needs a large heap; the project's
 * docs (python-in-the-jvm.md) say how much.
 */
@Mojo(name = "jar", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class JarMojo extends AbstractTargetMojo {
    static final String CLASSIFIER = "python-wasi";

    /**
     * Maven's reproducible-builds time ({@code project.build.outputTimestamp}: ISO-8601 with an
     * offset, or seconds since 1970): every jar entry carries it. Default: 1980-02-01T00:00:00Z.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    /**
     * Starts CPython once while the jar is made and stores the interpreter, initialised, in the
     * jar's python.wasm, so that each {@code Python.run} and {@code java -jar} skips CPython's own
     * start-up (what it saves is in the project's benchmarks). Default: true. What differs from a
     * plain start:
     * <ul>
     * <li>str and bytes hashes are the same in every run, as with PYTHONHASHSEED=0, which keeps the
     * jar reproducible; a program that puts untrusted keys into dicts and needs hash randomisation
     * sets this to false;</li>
     * <li>runs with options before -c, -m or the script (such as -I or -X), with no program, with a
     * directory, zip or missing path to run, or with PYTHON* variables in the environment start
     * CPython afresh, as before.</li>
     * </ul>
     * It needs a build made by this plugin version ({@code python-preinit.wasm}); without one the
     * jar starts CPython afresh every run, with a warning to run wasm:build again.
     */
    @Parameter(property = "wasm.jar.preinitialize", defaultValue = "true")
    private boolean preinitialize;

    /** Skips only this goal. Default: false. */
    @Parameter(property = "wasm.jar.skip", defaultValue = "false")
    private boolean skipJar;

    /**
     * Attaches the jar to the project (classifier python-wasi), so install and deploy publish it. Default: true.
     */
    @Parameter(property = "wasm.jar.attach", defaultValue = "true")
    private boolean attach;

    @Override
    protected String skipReason() {
        return skipJar ? "wasm.jar.skip is set" : null;
    }

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        // Settings first, then the build; only then is a sourceArchive unpacked.
        EntryTime time = EntryTime.parse(outputTimestamp);
        PythonJar.requireWasi(target());
        BuildLayout layout = builtLayout();
        Path jar = artifactFile(CLASSIFIER, "jar");
        long start = System.nanoTime();
        if (PythonJar.write(layout, jar, time, preinitialize, this::info, this::warn)) {
            info(String.format("Wrote %s in %.1f s", jar, (System.nanoTime() - start) / 1e9));
        }
        if (attach) {
            attach(jar, "jar", CLASSIFIER);
        }
    }
}
