package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.crossbuild.CrossBuild;
import dev.wasmbuild.core.packaging.Packager;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import dev.wasmbuild.core.packaging.EntryTime;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Cross-compiles CPython for the target: configure when needed, then make (always; it is
 * incremental), then {@code <finalName>-<target>.zip} of what a user deploys, attached with the
 * target as classifier.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractBuildMojo {

    /** Skips only this goal. */
    /** Maven's reproducible-builds time: every entry carries it. Unset: a constant (1980-02-01). */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    @Parameter(property = "wasm.build.skip", defaultValue = "false")
    private boolean skipBuild;

    /** Attaches the zip to the project (classifier: the target), so install and deploy publish it. Default: true. */
    @Parameter(property = "wasm.build.attach", defaultValue = "true")
    private boolean attach;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    protected String skipReason() {
        return skipBuild ? "wasm.build.skip is set" : null;
    }

    @Override
    protected void run() throws ConfigurationException, WasmBuildException, InterruptedException {
        CrossBuild build = prepareBuild();
        build.configure(stepLog());
        build.make(stepLog());
        Path zip = absolute(new java.io.File(project.getBuild().getDirectory()))
                .resolve(project.getBuild().getFinalName() + "-" + target() + ".zip");
        Packager.write(build.layout(), zip, EntryTime.parse(outputTimestamp, "project.build.outputTimestamp"));
        info("Packaged the " + target() + " build: " + zip);
        if (attach) {
            projectHelper.attachArtifact(project, "zip", target().id(), zip.toFile());
        }
    }
}
