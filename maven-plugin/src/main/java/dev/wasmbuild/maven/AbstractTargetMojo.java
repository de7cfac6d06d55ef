package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.source.CPythonSource;
import dev.wasmbuild.core.source.SourceArchive;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goals that work on one target's build: where it is, and which CPython source it is built from.
 * Nothing here unpacks or writes anything until a goal asks for the source.
 */
public abstract class AbstractTargetMojo extends AbstractWasmMojo {

    /**
     * What to build for, one of:
     * <ul>
     * <li>{@code wasi} (default): wasm32-wasi, run by node, wasmtime or Chicory in the JVM;</li>
     * <li>{@code emscripten-node}: wasm32-emscripten for node;</li>
     * <li>{@code emscripten-browser}: wasm32-emscripten as a web page (needs zlibSource).</li>
     * </ul>
     * Anything else is refused with the valid values. Each target has its own build directory,
     * <code>${outputDirectory}/&lt;target&gt;</code>, so several targets build side by side: give each
     * execution its own {@code <configuration><target>emscripten-node</target></configuration>}.
     */
    @Parameter(property = "wasm.target", defaultValue = "wasi")
    protected String target;

    /**
     * Where the site file, the build directories ({@code <target>/}) and unpacked source archives
     * ({@code sources/}) go. A relative path is relative to the project directory; without a pom,
     * {@code ./target/wasm}. Default: <code>${project.build.directory}/wasm</code>.
     */
    @Parameter(property = "wasm.outputDirectory", defaultValue = "${project.build.directory}/wasm")
    private File outputDirectory;

    /**
     * A CPython source tree: a release tarball unpacked, or a clean git checkout. Its
     * {@code Include/patchlevel.h} (PY_VERSION) decides the CPython release, and its configure
     * script the extension modules. It is never written to (builds are out of tree), and a tree
     * that was built in place (a {@code Programs/python.o}, say) is refused with the command that
     * cleans it. Give either this or sourceArchive; goals that build need one of them.
     * Default: none.
     * <pre>&lt;sourceDirectory&gt;${user.home}/src/Python-3.11.2&lt;/sourceDirectory&gt;</pre>
     */
    @Parameter(property = "wasm.sourceDirectory")
    private File sourceDirectory;

    /**
     * A CPython release tarball ({@code .tgz}, {@code .tar.gz} or {@code .tar.xz}) to use instead
     * of sourceDirectory. It is read and checked whole before anything is unpacked (one top
     * directory with a configure script; only files, directories and links that stay inside it;
     * no devices, absolute paths or {@code ..}), then unpacked once under
     * <code>${outputDirectory}/sources</code>, keyed by its SHA-256. Default: none.
     * <pre>&lt;sourceArchive&gt;${user.home}/Downloads/Python-3.11.9.tar.xz&lt;/sourceArchive&gt;
     * &lt;sourceArchiveSha256&gt;...64 hex digits...&lt;/sourceArchiveSha256&gt;</pre>
     */
    @Parameter(property = "wasm.sourceArchive")
    private File sourceArchive;

    /**
     * The expected SHA-256 of sourceArchive: 64 hexadecimal digits, either case. Checked before
     * anything is unpacked; a mismatch is an error giving the actual sum. It does not make an
     * archive acceptable that fails the checks. Default: not checked.
     */
    @Parameter(property = "wasm.sourceArchiveSha256")
    private String sourceArchiveSha256;

    /** {@link #target} parsed: once per execution (a mojo instance serves one execution). */
    private Target parsedTarget;

    protected final Target target() throws ConfigurationException {
        if (parsedTarget == null) {
            parsedTarget = Target.parse(target, Setting.TARGET);
        }
        return parsedTarget;
    }

    protected final Path outputDirectory() {
        return absolute(outputDirectory);
    }

    /** {@code ${outputDirectory}/<target>}: one build directory per target, side by side. */
    protected final Path buildDirectory() throws ConfigurationException {
        return outputDirectory().resolve(target().id());
    }

    /** The setting the source came from, for messages. */
    protected final Setting sourceSetting() {
        return sourceArchive != null ? Setting.SOURCE_ARCHIVE : Setting.SOURCE_DIRECTORY;
    }

    /** Checks the source settings without touching the file system beyond reading. */
    protected final void checkSourceSettings() throws ConfigurationException {
        if (sourceDirectory != null && sourceArchive != null) {
            throw new ConfigurationException(Setting.SOURCE_ARCHIVE, "give either " + Setting.SOURCE_DIRECTORY + " or "
                    + Setting.SOURCE_ARCHIVE + ","
                    + " not both");
        }
        if (sourceArchive != null) {
            SourceArchive.check(absolute(sourceArchive), sourceArchiveSha256);
        }
    }

    /** The given sourceDirectory opened, or null; for goals that can work without a source. */
    protected final CPythonSource sourceDirectoryOrNull() throws ConfigurationException {
        return sourceDirectory == null ? null : CPythonSource.open(absolute(sourceDirectory), Setting.SOURCE_DIRECTORY);
    }

    /**
     * The source, checked but not unpacked: a sourceDirectory opened, or a sourceArchive read
     * through (sha256, every entry, its configure script) without writing anything. Its
     * {@link CPythonSource#onDisk()} unpacks an archive once every setting has been checked.
     */
    protected final CPythonSource checkedSource() throws ConfigurationException, WasmBuildException {
        checkSourceSettings();
        if (sourceArchive != null) {
            return SourceArchive.inspect(absolute(sourceArchive), sourceArchiveSha256,
                    outputDirectory().resolve("sources"));
        }
        return CPythonSource.open(givenSourceDirectory(), Setting.SOURCE_DIRECTORY);
    }

    /** sourceDirectory, made absolute; when neither source setting is given, the error that says how to give one. */
    private Path givenSourceDirectory() throws ConfigurationException {
        if (sourceDirectory == null) {
            throw new ConfigurationException(Setting.SOURCE_DIRECTORY, "no CPython source given; set "
                    + Setting.SOURCE_DIRECTORY + " to a CPython checkout (" + Setting.SOURCE_DIRECTORY.assignment("…")
                    + ") or " + Setting.SOURCE_ARCHIVE + " to a release tarball");
        }
        return absolute(sourceDirectory);
    }

    /**
     * Where the finished build of this target keeps what runners and packagers need. There must
     * be one: that is checked before a sourceArchive is unpacked.
     */
    protected final BuildLayout builtLayout() throws ConfigurationException, WasmBuildException,
            InterruptedException {
        CPythonSource source = checkedSource();
        return BuildLayout.of(target(), source, buildDirectory()).finished(source);
    }
}
