package dev.wasmbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wasm:clean and wasm:test refuse before they delete or create anything. */
class CheckBeforeWritingTest {
    @TempDir
    Path base;

    private <T extends AbstractToolMojo> T mojo(T mojo, String goal) {
        MavenProject project = new MavenProject();
        project.setFile(base.resolve("pom.xml").toFile());
        Mojos.prepared(mojo, goal, new RecordingLog());
        Mojos.set(mojo, "project", project);
        Mojos.set(mojo, "target", "wasi");
        Mojos.set(mojo, "outputDirectory", base.resolve("target/wasm").toFile());
        Mojos.set(mojo, "toolCache", base.resolve("cache").toFile());
        Mojos.set(mojo, "runner", "chicory");
        return mojo;
    }

    @Test
    void cleanWithoutTheSourceOfTheBuildPythonDeletesNothing() throws Exception {
        Path build = Files.createDirectories(base.resolve("target/wasm/wasi"));
        Files.writeString(build.resolve("python.wasm"), "\0asm");
        CleanMojo clean = mojo(new CleanMojo(), "clean");
        Mojos.set(clean, "buildPython", true);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, clean::execute);
        assertTrue(e.getMessage().startsWith("<sourceDirectory>: no CPython source given"), e.getMessage());
        assertTrue(Files.isRegularFile(build.resolve("python.wasm")));
    }

    @Test
    void cleanRefusesAFileWhereTheBuildDirectoryShouldBe() throws Exception {
        Path notABuild = Files.writeString(Files.createDirectories(base.resolve("target/wasm")).resolve("wasi"),
                "notes");
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                mojo(new CleanMojo(), "clean")::execute);
        assertTrue(e.getMessage().startsWith("<outputDirectory>: " + notABuild + " is not a build directory"),
                e.getMessage());
        assertEquals("notes", Files.readString(notABuild));
    }

    @Test
    void testWithoutABuildMakesNeitherScratchNorReportDirectories() throws Exception {
        // A sourceArchive is not unpacked either; RegressionTestsRunTest shows that in the core,
        // since commons-compress cannot run on this module's test class path (Maven's older
        // commons-lang3 comes first there).
        TestMojo test = mojo(new TestMojo(), "test");
        Mojos.set(test, "sourceDirectory", sourceTree().toFile());
        Mojos.set(test, "reportsDirectory", base.resolve("target/surefire-reports").toFile());
        Mojos.set(test, "testTimeout", 900);
        MojoFailureException e = assertThrows(MojoFailureException.class, test::execute);
        assertTrue(e.getMessage().startsWith("there is no python.wasm in " + base.resolve("target/wasm/wasi")),
                e.getMessage());
        // Neither <outputDirectory>/wasi/tmp nor the reports directory.
        assertFalse(Files.exists(base.resolve("target")), () -> String.join("\n", listing(base.resolve("target"))));
    }

    /** A CPython source tree as far as the plugin reads one before a build: configure and the version. */
    private Path sourceTree() throws Exception {
        Path tree = Files.createDirectories(base.resolve("cpython"));
        Files.writeString(tree.resolve("configure"), "#!/bin/sh\nPACKAGE_VERSION='3.11'\n");
        Files.createDirectories(tree.resolve("Lib"));
        return tree;
    }

    private static List<String> listing(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.map(Path::toString).toList();
        } catch (java.io.IOException e) {
            return List.of(e.toString());
        }
    }
}
