package dev.wasmbuild.core.run;

import dev.wasmbuild.core.Action;
import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.process.Command;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the command lines that run a build on the host: node (node:wasi for WASI, the
 * generated python.js for Emscripten) or wasmtime. Chicory runs in-process and is not here.
 */
public final class HostRunners {
    private final Map<String, String> environment;

    /** @param environment the environment the processes will get (PATH is searched in it) */
    public HostRunners(Map<String, String> environment) {
        this.environment = environment;
    }

    public Optional<Path> onPath(String program) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Turns "auto" into a concrete runner and checks that the runner fits the target. */
    public RunnerKind resolve(RunnerKind requested, Target target) throws ConfigurationException {
        RunnerKind kind = requested;
        if (kind == RunnerKind.AUTO) {
            kind = target == Target.WASI && onPath("wasmtime").isPresent() ? RunnerKind.WASMTIME : RunnerKind.NODE;
        }
        if (target == Target.EMSCRIPTEN_BROWSER) {
            throw new ConfigurationException(Setting.TARGET, "an emscripten-browser build runs in a browser, not on the host;"
                    + " serve it with " + Action.SERVE + ", or build emscripten-node or wasi to run it here");
        }
        if (target != Target.WASI && (kind == RunnerKind.WASMTIME || kind == RunnerKind.CHICORY)) {
            throw new ConfigurationException(Setting.RUNNER, kind.name().toLowerCase() + " runs WASI programs only; the "
                    + target + " build runs under node");
        }
        String program = kind == RunnerKind.NODE ? "node" : kind == RunnerKind.WASMTIME ? "wasmtime" : null;
        if (program != null && onPath(program).isEmpty()) {
            throw new ConfigurationException(Setting.RUNNER, program + " is not on PATH (" + environment.getOrDefault("PATH", "")
                    + "); " + installAdvice(kind, target));
        }
        return kind;
    }

    /**
     * How to get the missing runner, or which other runner to choose. Each program has its own
     * remedy: Debian packages node, but not wasmtime, so telling a wasmtime user to install
     * nodejs would not make wasmtime appear.
     */
    static String installAdvice(RunnerKind missing, Target target) {
        if (missing == RunnerKind.WASMTIME) {
            return "wasmtime is not in Debian's packages: install a release from"
                    + " https://github.com/bytecodealliance/wasmtime/releases (put the wasmtime binary on PATH),"
                    + " or set " + Setting.RUNNER + " to node (apt-get install nodejs) or chicory (runs in the JVM, nothing to"
                    + " install)";
        }
        return "install it (Debian: apt-get install nodejs)" + (target == Target.WASI
                ? ", or set " + Setting.RUNNER + " to chicory (runs in the JVM, nothing to install) or wasmtime"
                : "; the " + target + " build runs only under node");
    }

    /**
     * @param root for WASI, the host directory the program sees as "/" (its working directory);
     *     for Emscripten (which sees the host file system directly) the working directory
     */
    public Command command(RunnerKind kind, BuildLayout layout, Path root, List<String> args)
            throws WasmBuildException {
        layout.requireBuilt();
        List<String> cmd = new ArrayList<>();
        if (layout.target() != Target.WASI) {
            cmd.add("node");
            cmd.addAll(EmscriptenNode.flags());
            cmd.add(layout.pythonJs().toString());
            cmd.addAll(args);
            return new Command(cmd, root, environment);
        }
        List<GuestMount> mounts = WasiFilesystem.mounts(layout, root);
        if (kind == RunnerKind.WASMTIME) {
            cmd.add("wasmtime");
            cmd.add("run");
            for (GuestMount m : mounts) {
                cmd.add("--dir");
                cmd.add(m.hostPath() + "::" + m.guestPath());
            }
        } else {
            cmd.add("node");
            cmd.addAll(NodeWasiLauncher.nodeFlags());
            cmd.add(NodeWasiLauncher.install(layout.buildDirectory()).toString());
            for (GuestMount m : mounts) {
                cmd.add("--map");
                cmd.add(m.guestPath() + "::" + m.hostPath());
            }
        }
        cmd.add("--");
        cmd.add(layout.pythonWasm().toString());
        cmd.addAll(args);
        return new Command(cmd, root, environment);
    }

    /**
     * CPython's HOSTRUNNER for configure: the same runner, as one string. configure pastes it
     * into single quotes and make splits it on spaces, so it cannot express a path with a space
     * or quote: the layout must name the build and source directories by plain paths (the
     * cross build gives it their aliases, see PathAliases), and anything else is refused rather
     * than producing a Makefile that breaks later.
     */
    public String hostRunnerForConfigure(RunnerKind kind, BuildLayout layout) throws WasmBuildException {
        List<String> parts = new ArrayList<>();
        if (layout.target() != Target.WASI) {
            parts.add("node");
            parts.addAll(EmscriptenNode.flags());
        } else {
            if (kind == RunnerKind.WASMTIME) {
                parts.add("wasmtime");
                parts.add("run");
            } else {
                parts.add("node");
                parts.addAll(NodeWasiLauncher.nodeFlags());
                parts.add(NodeWasiLauncher.install(layout.buildDirectory()).toString());
            }
            // make runs ./python.wasm from the build directory, mounted as "/". Started from a
            // build tree, CPython looks for its stdlib in the source tree named by the Makefile,
            // so the source is also mounted at its own path.
            String source = layout.sourceDirectory().toString();
            String guestLib = layout.guestStdlib();
            if (kind == RunnerKind.WASMTIME) {
                for (String mount : List.of(layout.buildDirectory() + "::/", source + "::" + source,
                        layout.stdlib() + "::" + guestLib)) {
                    parts.add("--dir");
                    parts.add(mount);
                }
            } else {
                for (String mount : List.of("/::" + layout.buildDirectory(), source + "::" + source,
                        guestLib + "::" + layout.stdlib())) {
                    parts.add("--map");
                    parts.add(mount);
                }
            }
        }
        for (String p : parts) {
            if (p.matches(".*[\\s'\"\\\\$`].*")) {
                throw new WasmBuildException("cannot set CPython's HOSTRUNNER: '" + p + "' contains a space, quote,"
                        + " backslash or $, which configure and make cannot carry; this layout should have named"
                        + " the build and source directories by their plain aliases");
            }
        }
        if (layout.target() == Target.WASI) {
            // Left for make to expand when it runs the interpreter: the platform library
            // (with _sysconfigdata) only gets its name once make has written pybuilddir.txt.
            parts.add("--env");
            parts.add("PYTHONPATH=/$(shell cat pybuilddir.txt)");
            parts.add("--");
        }
        return String.join(" ", parts);
    }
}
