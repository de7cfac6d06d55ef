package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.crossbuild.CrossBuild;
import dev.wasmbuild.core.io.DirectoryLock;
import dev.wasmbuild.core.packaging.EntryTime;
import dev.wasmbuild.core.packaging.Packager;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Cross-compiles CPython for the target: configure when needed, then make (always; it is
 * incremental), then {@code <finalName>-<target>.zip} of what a user deploys, attached with the
 * target as classifier.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractBuildMojo {

    /**
     * Maven's reproducible-builds time ({@code project.build.outputTimestamp}: ISO-8601 with an
     * offset, or seconds since 1970): every zip entry carries it. Default: 1980-02-01T00:00:00Z.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    /** Skips only this goal. Default: false. */
    @Parameter(property = "wasm.build.skip", defaultValue = "false")
    private boolean skipBuild;

    /**
     * Attaches the zip to the project (classifier: the target), so install and deploy publish it. Default: true.
     */
    @Parameter(property = "wasm.build.attach", defaultValue = "true")
    private boolean attach;

    @Override
    protected String skipReason() {
        return skipBuild ? "wasm.build.skip is set" : null;
    }

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        CrossBuild build = prepareBuild();
        Path zip = artifactFile(target().id(), "zip");
        // Another run's configure or make in the same directory would pull files from under this one.
        try (DirectoryLock lock = build.lock(stepLog())) {
            build.configure(stepLog());
            build.make(stepLog());
            Packager.write(build.layout(), zip, EntryTime.parse(outputTimestamp));
        }
        info("Packaged the " + target() + " build: " + zip);
        if (attach) {
            attach(zip, "zip", target().id());
        }
    }
}
