package dev.wasmbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.run.RunnerKind;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameters as a goal sees them after Maven set its fields: defaults left unexpanded, the
 * per-target build directory, and values the core refuses, named by their pom element.
 */
class ParameterMappingTest {
    @TempDir
    Path base;

    /**
     * config-site as Maven's stand-alone project gives it: defaults with ${…} left in them, made
     * absolute against the basedir (what mvn -X shows for a pom-less run).
     */
    private ConfigSiteMojo configSite(RecordingLog log) {
        MavenProject project = new MavenProject();
        project.setFile(base.resolve("pom.xml").toFile());
        ConfigSiteMojo mojo = Mojos.prepared(new ConfigSiteMojo(), "config-site", log);
        Mojos.set(mojo, "project", project);
        Mojos.set(mojo, "target", "wasi");
        Mojos.set(mojo, "outputDirectory", new File(base + "/${project.basedir}/target/wasm"));
        Mojos.set(mojo, "pythonVersion", "3.11");
        return mojo;
    }

    /** configure, which starts host programs, set up the same way. */
    private ConfigureMojo configure() {
        MavenProject project = new MavenProject();
        project.setFile(base.resolve("pom.xml").toFile());
        ConfigureMojo mojo = Mojos.prepared(new ConfigureMojo(), "configure", new RecordingLog());
        Mojos.set(mojo, "project", project);
        Mojos.set(mojo, "target", "wasi");
        Mojos.set(mojo, "toolCache", new File("${project.basedir}/cache"));
        Mojos.set(mojo, "runner", "auto");
        return mojo;
    }

    @Test
    void eachTargetBuildsInItsOwnDirectoryUnderOutputDirectory() throws Exception {
        ConfigSiteMojo mojo = configSite(new RecordingLog());
        assertEquals(base.resolve("target/wasm/wasi"), mojo.buildDirectory());
        ConfigSiteMojo browser = configSite(new RecordingLog());
        Mojos.set(browser, "target", "emscripten-browser");
        assertEquals(base.resolve("target/wasm/emscripten-browser"), browser.buildDirectory());
        assertEquals(base.resolve("cache"), configure().tools().toolCache());
    }

    @Test
    void anUnknownTargetIsRefusedNamingTheElement() {
        ConfigSiteMojo mojo = configSite(new RecordingLog());
        Mojos.set(mojo, "target", "wasm64");
        ConfigurationException e = assertThrows(ConfigurationException.class, mojo::target);
        assertEquals(Setting.TARGET, e.setting());
    }

    @Test
    void runnerNamesParseCaseInsensitively() throws Exception {
        ConfigureMojo mojo = configure();
        Mojos.set(mojo, "runner", " Chicory ");
        assertEquals(RunnerKind.CHICORY, mojo.tools().runner());
        ConfigureMojo qemu = configure();
        Mojos.set(qemu, "runner", "qemu");
        assertEquals(Setting.RUNNER, assertThrows(ConfigurationException.class, () -> qemu.tools().runner()).setting());
    }

    @Test
    void sourceDirectoryAndSourceArchiveTogetherAreRefused() {
        ConfigSiteMojo mojo = configSite(new RecordingLog());
        Mojos.set(mojo, "sourceDirectory", new File("cpython"));
        Mojos.set(mojo, "sourceArchive", new File("Python-3.11.2.tgz"));
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<sourceArchive>: give either <sourceDirectory> or <sourceArchive>, not both", e.getMessage());
    }

    @Test
    void userEnvironmentIsOnlyThePomsVariables() {
        assertTrue(configure().tools().userEnvironment().isEmpty());
        ConfigureMojo mojo = configure();
        Mojos.set(mojo, "environmentVariables", new java.util.HashMap<>(java.util.Map.of("CFLAGS", "-O2")));
        assertEquals(java.util.Map.of("CFLAGS", "-O2"), mojo.tools().userEnvironment());
        assertEquals("-O2", mojo.tools().processEnvironment().get("CFLAGS"));
    }

    @Test
    void configSiteWritesTheSiteFileUnderTheUnexpandedDefault() throws Exception {
        // The whole goal, as `mvn wasm:config-site` runs it in a directory without a pom.
        RecordingLog log = new RecordingLog();
        configSite(log).execute();
        Path site = base.resolve("target/wasm/config.site-wasm32-wasi");
        assertTrue(Files.isRegularFile(site), log.lines.toString());
        assertTrue(log.lines.contains("INFO Wrote " + site), log.lines.toString());
        assertTrue(Files.readString(site).contains("target wasi"), Files.readString(site));
        // No ${…} directory was created next to the project.
        try (var entries = Files.list(base)) {
            assertEquals(List.of(base.resolve("target")), entries.toList());
        }
    }
}
