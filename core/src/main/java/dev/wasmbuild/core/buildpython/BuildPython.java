package dev.wasmbuild.core.buildpython;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.DirectoryLock;
import dev.wasmbuild.core.io.Hashing;
import dev.wasmbuild.core.io.Trees;
import dev.wasmbuild.core.make.MakeStep;
import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.LongStep;
import dev.wasmbuild.core.process.StepLog;
import dev.wasmbuild.core.toolchain.Toolchains;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The native "build Python" a cross build needs (--with-build-python). It depends only on the
 * CPython source, so it is built once per source content into a shared cache and reused by
 * every target, build and project. A completion marker written last makes an interrupted
 * build start over; a file lock keeps concurrent Maven runs from building it twice. A cached
 * one is run once before it is reused, and built again when it no longer works (a truncated
 * file, a source tree that moved away), so a damaged cache heals instead of failing every build.
 */
public final class BuildPython {
    private static final String COMPLETE = ".wasm-plugin-complete";
    /** The key is computed from a tree that came from either setting; this class cannot tell which. */
    private static final String SOURCE_SETTINGS = " (" + Setting.SOURCE_DIRECTORY + " or " + Setting.SOURCE_ARCHIVE + ")";

    private final Path cacheRoot;

    public BuildPython(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /** The build Pythons kept in the plugin's user-wide tool cache (see Toolchains for the rest of it). */
    public static BuildPython inToolCache(Path toolCache) {
        return new BuildPython(toolCache.resolve("build-python"));
    }

    /**
     * The cache key: a hash over every file of the source tree's path and size, plus the full
     * content of the files that decide the native build (configure, Makefile.pre.in, Setup
     * files, patchlevel.h). Hashing all contents of ~5000 files would cost seconds per build
     * for little gain: a real source change changes sizes or those files.
     */
    public static String key(Path sourceDirectory) throws WasmBuildException {
        MessageDigest d = Hashing.sha256();
        Path source;
        try {
            // A source reached through a link (a plain alias, a user's symlink) has the same key
            // as the tree itself; walking the link would not enter it.
            source = sourceDirectory.toRealPath();
        } catch (IOException e) {
            throw WasmBuildException.io("cannot read the source tree " + sourceDirectory + SOURCE_SETTINGS, e);
        }
        try (Stream<Path> files = Files.walk(source)) {
            List<Path> list = new ArrayList<>(files.filter(Files::isRegularFile)
                    .filter(p -> !source.relativize(p).toString().startsWith("builddir/"))
                    .filter(p -> !p.toString().contains("/__pycache__/"))
                    .sorted().toList());
            for (Path p : list) {
                d.update((source.relativize(p) + "\t" + Files.size(p) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (String decisive : List.of("configure", "Makefile.pre.in", "Modules/Setup", "Modules/Setup.stdlib.in",
                    "Modules/Setup.bootstrap.in", "Include/patchlevel.h")) {
                Path p = source.resolve(decisive);
                if (Files.isRegularFile(p)) {
                    d.update(Hashing.file(p).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw WasmBuildException.io("cannot read the source tree " + source + SOURCE_SETTINGS, e);
        }
        return HexFormat.of().formatHex(d.digest(), 0, 8);
    }

    public Path directoryFor(Path source) throws WasmBuildException {
        return cacheRoot.resolve(key(source));
    }

    /**
     * @return the build Python executable, building it first when the cache has none or the
     *     cached one no longer works (see {@link BuildPythonCheck}); the log says which and why
     */
    public Path ensure(Path source, int jobs, Map<String, String> environment, StepLog log)
            throws WasmBuildException, InterruptedException {
        Path dir = directoryFor(source);
        Path python = dir.resolve("python");
        if (Files.isRegularFile(dir.resolve(COMPLETE)) && Files.isExecutable(python)
                && problem(dir, source, environment) == null) {
            log.info().accept("Build Python: reusing " + python + " (cached for this CPython source)");
            return python;
        }
        try {
            try (DirectoryLock lock = lock(dir, log.info())) {
                if (Files.isRegularFile(dir.resolve(COMPLETE))) {
                    // Checked again under the lock: a concurrent run may have rebuilt it meanwhile.
                    String problem = problem(dir, source, environment);
                    if (problem == null) {
                        log.info().accept("Build Python: reusing " + python + " (built by a concurrent run)");
                        return python;
                    }
                    log.warn().accept("Build Python: the cached " + python + " is damaged (" + problem
                            + "); deleting it and building it again in " + dir);
                } else {
                    log.info().accept("Build Python: none cached for this source; building it natively in " + dir);
                }
                build(source, dir, jobs, environment, log);
                String problem = BuildPythonCheck.run(python, source, environment);
                if (problem != null) {
                    // Not marked complete: the next run tries again rather than trusting it.
                    throw new WasmBuildException("the build Python just built at " + python + " does not work: "
                            + problem + "\n  configure and make output: " + dir.resolve("configure.log") + ", "
                            + dir.resolve("make.log"), Setting.TOOL_CACHE, null);
                }
                Files.writeString(dir.resolve(COMPLETE), source + "\n" + BuildPythonCheck.record(python) + "\n");
                return python;
            }
        } catch (IOException e) {
            throw WasmBuildException.io("cannot use the build Python cache " + cacheRoot, Setting.TOOL_CACHE, e);
        }
    }

    /** Why the cached build Python in {@code dir} cannot be reused, or null if it can. */
    private static String problem(Path dir, Path source, Map<String, String> environment)
            throws InterruptedException {
        Path python = dir.resolve("python");
        if (!Files.isExecutable(python)) {
            return "it is missing or not executable";
        }
        String marker;
        try {
            marker = Files.readString(dir.resolve(COMPLETE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "its completion marker cannot be read: " + e;
        }
        return BuildPythonCheck.problem(python, marker, source, environment);
    }

    private static void build(Path source, Path dir, int jobs, Map<String, String> environment, StepLog log)
            throws IOException, WasmBuildException, InterruptedException {
        Trees.delete(dir);
        Files.createDirectories(dir);
        // Its output is of little interest next to the cross build's, so it stays in the log files.
        Path logFile = dir.resolve("configure.log");
        log.info().accept("Build Python: configure -C (output: " + logFile + ")");
        LongStep.silent("configure of the build Python").run(new Command(List.of(
                source.resolve("configure").toString(), "-C"), dir, environment), logFile, Setting.TOOL_CACHE,
                log.quiet(), tail -> "last output:\n  " + String.join("\n  ", tail) + "\nfull log: " + logFile);
        MakeStep.run(dir, Setting.TOOL_CACHE, List.of(), jobs, List.of(), environment, log.quiet());
        Path python = dir.resolve("python");
        if (!Files.isExecutable(python)) {
            throw new WasmBuildException("make of the build Python finished but " + python + " is missing");
        }
    }

    /**
     * Keeps other runs from building, or deleting, the build Python in {@code dir} meanwhile. The
     * lock file sits beside the directory, which a rebuild deletes.
     */
    public static DirectoryLock lock(Path dir, Consumer<String> log) throws IOException, InterruptedException {
        return DirectoryLock.acquire(DirectoryLock.lockFileFor(dir), "build of the build Python " + dir, log);
    }
}
