package dev.wasmbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path parameters as absolute paths. Maven's stand-alone project (no pom) leaves
 * ${project.basedir} and ${project.build.directory} in defaults unexpanded; they must still
 * mean the project directory and its target/.
 */
class AbsolutePathTest {
    @TempDir
    Path base;

    private ConfigSiteMojo mojoIn(Path basedir) {
        ConfigSiteMojo mojo = new ConfigSiteMojo();
        if (basedir != null) {
            MavenProject project = new MavenProject();
            project.setFile(basedir.resolve("pom.xml").toFile());
            Mojos.set(mojo, "project", project);
        }
        return mojo;
    }

    @Test
    void unexpandedBuildDirectoryIsTargetUnderTheBasedir() {
        assertEquals(base.resolve("target/wasm"),
                mojoIn(base).absolute(new File("${project.build.directory}/wasm")));
    }

    @Test
    void whatMavenHandsOverWithoutAPomIsTheExpressionBehindTheBasedir() {
        // Maven 3.8.7, 3.9 and 4 all pass the stand-alone default as <basedir>/${project.basedir}/target/wasm.
        assertEquals(base.resolve("target/wasm"),
                mojoIn(base).absolute(new File(base + "/${project.basedir}/target/wasm")));
        assertEquals(base.resolve("target/wasm"),
                mojoIn(base).absolute(new File(base + "/${project.build.directory}/wasm")));
    }

    @Test
    void unexpandedBasedirInBothSpellings() {
        assertEquals(base.resolve("x"), mojoIn(base).absolute(new File("${project.basedir}/x")));
        assertEquals(base.resolve("y"), mojoIn(base).absolute(new File("${basedir}/y")));
    }

    @Test
    void aRelativePathResolvesAgainstTheBasedirNotTheWorkingDirectory() {
        assertEquals(base.resolve("cpython/src"), mojoIn(base).absolute(new File("cpython/src")));
    }

    @Test
    void anAbsolutePathStaysAndIsNormalised() {
        assertEquals(Path.of("/opt/b"), mojoIn(base).absolute(new File("/opt/a/../b")));
        assertEquals(base.resolve("b"), mojoIn(base).absolute(new File("a/../b")));
    }

    @Test
    void withoutAProjectTheWorkingDirectoryIsTheBase() {
        Path cwd = Path.of("").toAbsolutePath();
        assertEquals(cwd.resolve("target/wasm"), mojoIn(null).absolute(new File("${project.build.directory}/wasm")));
        assertEquals(cwd.resolve("rel"), mojoIn(null).absolute(new File("rel")));
    }

    @Test
    void aProjectWithoutABasedirUsesTheWorkingDirectory() {
        ConfigSiteMojo mojo = new ConfigSiteMojo();
        Mojos.set(mojo, "project", new MavenProject());
        assertEquals(Path.of("").toAbsolutePath().resolve("rel"), mojo.absolute(new File("rel")));
    }
}
