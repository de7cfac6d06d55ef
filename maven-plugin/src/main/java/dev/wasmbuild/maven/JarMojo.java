package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.launch.BuildLayout;
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
 * wasm:build (declare it after build). Needs about 2 GB of heap.
 */
@Mojo(name = "jar", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class JarMojo extends AbstractTargetMojo {
    static final String CLASSIFIER = "python-wasi";

    /** Maven's reproducible-builds time: every entry carries it. Unset: a constant (1980-02-01). */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    /**
     * Starts CPython once while the jar is made and stores the interpreter, initialised, in the
     * jar's python.wasm, so that each {@code Python.run} and {@code java -jar} skips CPython's own
     * start-up: measured with 3.13.5, print(1) in a fresh JVM about 1.8 s without, about 1 s with;
     * in a JVM that has run Python before, 0.3 s without and under 0.1 s with (BENCHMARKS.md).
     * What differs from a plain start: str and bytes hashes are the same in every run, as with
     * PYTHONHASHSEED=0, which is how the jar stays reproducible; a program that puts untrusted
     * keys into dicts and needs hash randomisation should set this to false. Runs with options
     * before -c, -m or the script (such as -I or -X), or with PYTHON* variables in the
     * environment, start CPython afresh. Needs a build made by this plugin version
     * (python-preinit.wasm). Default: true.
     */
    @Parameter(property = "wasm.jar.preinitialize", defaultValue = "true")
    private boolean preinitialize;

    /** Skips only this goal. */
    @Parameter(property = "wasm.jar.skip", defaultValue = "false")
    private boolean skipJar;

    /** Attaches the jar to the project (classifier python-wasi), so install and deploy publish it. Default: true. */
    @Parameter(property = "wasm.jar.attach", defaultValue = "true")
    private boolean attach;

    @Override
    protected String skipReason() {
        return skipJar ? "wasm.jar.skip is set" : null;
    }

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        // Settings first, then the build; only then is a sourceArchive unpacked.
        EntryTime time = EntryTime.parse(outputTimestamp, "project.build.outputTimestamp");
        PythonJar.requireWasi(target());
        BuildLayout layout = builtLayout();
        Path jar = artifactFile(CLASSIFIER, "jar");
        info("Compiling python.wasm to JVM classes with Chicory (about 20 s and 2 GB of heap)");
        long start = System.nanoTime();
        PythonJar.write(layout, jar, time, preinitialize, this::info, this::warn);
        info(String.format("Wrote %s in %.1f s", jar, (System.nanoTime() - start) / 1e9));
        if (attach) {
            attach(jar, "jar", CLASSIFIER);
        }
    }
}
