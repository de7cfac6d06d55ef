package dev.wasmbuild.core.toolchain;

import dev.wasmbuild.core.catalogue.PythonRelease;
import dev.wasmbuild.core.catalogue.PythonVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emscripten from EMSDK, EM_CONFIG or PATH. Debian's package (3.1.6) ships a frozen,
 * read-only cache and cannot download ports; the plugin gives it a writable cache (one per
 * installation, in the user cache) and seeds the zlib and bzip2 ports from local source trees.
 *
 * <p>Long because it is everything one toolchain answers for itself (where it is, its version,
 * the writable cache, the ports, what runs before configure), which callers must not ask about
 * by type.
 */
public final class EmscriptenToolchain implements Toolchain {
    /** Tools/wasm/README.md of CPython 3.11 asks for this at least. */
    static final int[] README_MINIMUM = {3, 1, 8};
    /** CPython 3.11's and 3.13's wasm_build.py refuse anything older. */
    static final int[] WASM_BUILD_MINIMUM = {3, 1, 19};
    /** The first release known to lack the Linux-only headers (sys/timerfd.h …) it never implemented. */
    static final int[] LINUX_HEADERS_REMOVED = {3, 1, 23};
    /** The versions wasm_build.py (3.11 to 3.13) refuses, with the emscripten issue that says why. */
    static final Map<String, String> KNOWN_BROKEN = Map.of(
            "3.1.14", "no main argv with PROXY_TO_PTHREAD, emscripten-core/emscripten#17338",
            "3.1.16", "64-bit time_t broke utime(), emscripten-core/emscripten#17393",
            "3.1.20", "emscripten-core/emscripten#17720");
    /** The newest CPython line the tests here build for Emscripten. */
    static final PythonVersion LAST_TRIED = new PythonVersion(3, 13);
    private static final Pattern ROOT_SETTING = Pattern.compile("(?m)^EMSCRIPTEN_ROOT\\s*=\\s*'([^']+)'");
    private static final Pattern FROZEN = Pattern.compile("(?m)^FROZEN_CACHE\\s*=\\s*True");
    /** The ports CPython uses (-sUSE_ZLIB, -sUSE_BZIP2) and the modules that need them. */
    static final Map<String, String> PORT_MODULES = Map.of("zlib", "zlib", "bzip2", "_bz2");

    private final Path root;
    private final String version;
    private final String foundVia;
    private final Path installedCache;
    private final boolean frozen;
    private final EmscriptenCache cache;
    private final Map<String, Path> portSources;
    private final String launcher;
    private final Map<String, String> baseEnvironment;

    private EmscriptenToolchain(Path root, String version, String foundVia, Path installedCache, boolean frozen,
            EmscriptenCache cache, Map<String, Path> portSources, String launcher, Map<String, String> env) {
        this.root = root;
        this.version = version;
        this.foundVia = foundVia;
        this.installedCache = installedCache;
        this.frozen = frozen;
        this.cache = cache;
        this.portSources = portSources;
        this.launcher = launcher;
        this.baseEnvironment = env;
    }

    /**
     * @param cacheRoot where writable emscripten caches live (one per installation)
     * @param portSources local source trees for ports (keys "zlib", "bzip2"); missing ones turn
     *     their modules off
     */
    public static EmscriptenToolchain discover(Map<String, String> env, Path cacheRoot, Map<String, Path> portSources,
            String launcher) throws ToolchainException {
        List<String> looked = new ArrayList<>();
        Path root = null;
        String via = null;
        String emsdk = env.get("EMSDK");
        if (emsdk != null && !emsdk.isBlank()) {
            Path candidate = Path.of(emsdk, "upstream", "emscripten");
            looked.add(candidate + " (EMSDK)");
            if (!Files.isRegularFile(candidate.resolve("emcc.py"))) {
                // Named on purpose: another emscripten found on PATH would not be the one asked for.
                throw new ToolchainException("EMSDK is " + emsdk + ", but that is not a usable emsdk: there is no "
                        + candidate.resolve("emcc.py") + ". Point EMSDK at an emsdk checkout where an SDK was"
                        + " installed and activated (emsdk install VERSION, then emsdk activate VERSION), or"
                        + " unset it to use the emcc on PATH (Debian's emscripten package).");
            }
            root = candidate;
            via = "EMSDK";
        }
        String emConfig = env.get("EM_CONFIG");
        if (root == null && emConfig != null && !emConfig.isBlank()) {
            looked.add("EMSCRIPTEN_ROOT in " + emConfig + " (EM_CONFIG)");
            root = rootFromConfig(Path.of(emConfig)).orElse(null);
            via = root == null ? null : "EM_CONFIG";
        }
        if (root == null) {
            looked.add("emcc on PATH");
            Optional<Path> emcc = Executables.onPath("emcc", env);
            if (emcc.isPresent()) {
                try {
                    Path real = emcc.get().toRealPath();
                    Path dir = real.getParent();
                    // Debian links emcc to a wrapper script next to the sources.
                    root = Files.isRegularFile(dir.resolve("emcc.py")) ? dir : null;
                    via = "PATH (" + emcc.get() + ")";
                } catch (IOException e) {
                    root = null;
                }
            }
        }
        if (root == null) {
            throw new ToolchainException("No Emscripten found. Looked for: " + String.join("; ", looked) + ".\n"
                    + "Install one of:\n"
                    + "  - Debian's package: apt-get install emscripten (3.1.6 on Debian 12)\n"
                    + "  - the emsdk from https://github.com/emscripten-core/emsdk (emsdk install 3.1.19 &&"
                    + " emsdk activate 3.1.19, then source emsdk_env.sh so EMSDK is set)");
        }
        Path found = root;
        String version = readVersion(found).orElseThrow(() -> new ToolchainException(
                "found Emscripten at " + found + " but cannot read its emscripten-version.txt"));
        Path config = root.resolve(".emscripten");
        boolean frozen = false;
        try {
            frozen = Files.isRegularFile(config) && FROZEN.matcher(Files.readString(config, StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            frozen = false;
        }
        Path installedCache = root.resolve("cache");
        boolean writable = Files.isDirectory(installedCache) && Files.isWritable(installedCache) && !frozen;
        EmscriptenCache cache = writable ? null : new EmscriptenCache(cacheRoot, root, version, installedCache);
        return new EmscriptenToolchain(root, version, via, installedCache, frozen, cache, portSources, launcher, env);
    }

    private static Optional<Path> rootFromConfig(Path config) {
        try {
            Matcher m = ROOT_SETTING.matcher(Files.readString(config, StandardCharsets.UTF_8));
            return m.find() ? Optional.of(Path.of(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readVersion(Path root) {
        try {
            return Optional.of(Files.readString(root.resolve("emscripten-version.txt"), StandardCharsets.UTF_8)
                    .replace("\"", "").trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Creates the writable cache and seeds the ports; a no-op when they are ready. */
    @Override
    public void beforeConfigure(java.util.function.Consumer<String> log) throws ToolchainException,
            InterruptedException {
        if (cache == null) {
            return;
        }
        cache.ensureCopied(log);
        for (Map.Entry<String, Path> e : portSources.entrySet()) {
            EmscriptenPort port = EmscriptenPort.read(root.resolve("tools/ports"), e.getKey()).orElse(null);
            if (port != null && e.getValue() != null && Files.isDirectory(e.getValue())) {
                cache.seedPort(port, e.getValue(), log);
            }
        }
    }

    @Override
    public String name() {
        return "emscripten " + version;
    }

    @Override
    public String identity() {
        return "emscripten|" + root + "|" + version + "|" + (cache == null ? installedCache : cache.directory())
                + "|ports=" + new TreeMap<>(portSources).keySet() + "|launcher=" + launcher;
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> e = new LinkedHashMap<>();
        if ("EMSDK".equals(foundVia)) {
            e.put("PATH", root + java.io.File.pathSeparator + baseEnvironment.getOrDefault("PATH", ""));
        }
        if (cache != null) {
            e.put("EM_CACHE", cache.directory().toString());
            // The empty string is how emscripten reads "false" for an EM_ setting.
            e.put("EM_FROZEN_CACHE", "");
        }
        // Emscripten's JS optimizer needs acorn; Debian installs it where only Debian's own node looks.
        Path debianNodeModules = Path.of("/usr/share/nodejs");
        if (Files.isDirectory(debianNodeModules.resolve("acorn"))) {
            String current = baseEnvironment.get("NODE_PATH");
            e.put("NODE_PATH", current == null || current.isBlank() ? debianNodeModules.toString()
                    : current + java.io.File.pathSeparator + debianNodeModules);
        }
        if (launcher != null && !launcher.isBlank()) {
            e.put("EM_COMPILER_WRAPPER", launcher.trim());
        }
        return e;
    }

    @Override
    public List<String> configureWrapper() {
        return List.of("EMSDK".equals(foundVia) ? root.resolve("emconfigure").toString() : "emconfigure");
    }

    @Override
    public List<String> makeWrapper() {
        return List.of("EMSDK".equals(foundVia) ? root.resolve("emmake").toString() : "emmake");
    }

    @Override
    public Fitness fitnessFor(PythonRelease python) {
        return fitness(version, python);
    }

    /**
     * What CPython's own wasm documentation and scripts say about an emscripten version: the
     * versions Tools/wasm/wasm_build.py refuses as broken are refused here too; being older
     * than its minimum (3.1.19) or the README's (3.1.8) is a warning, since Debian 12's 3.1.6 is
     * what this plugin's tests build with.
     */
    static Fitness fitness(String version, PythonRelease release) {
        Fitness.Builder f = new Fitness.Builder(release);
        PythonVersion python = release.minorVersion();
        int[] v = parse(version);
        String broken = KNOWN_BROKEN.get(v[0] + "." + v[1] + "." + v[2]);
        if (broken != null) {
            f.refuse("Emscripten " + version + " has a known bug that breaks CPython (" + broken + "); CPython's"
                    + " Tools/wasm/wasm_build.py refuses it. Use another version.");
        }
        if (compare(v, README_MINIMUM) < 0) {
            f.warn("Emscripten " + version + " is older than 3.1.8, the minimum CPython's Tools/wasm/README.md names:"
                    + " versions before it have known bugs that can corrupt memory or leak resources, and 3.1.8"
                    + " fixed several date and time functions. The build goes on; expect those bugs.");
        }
        if (compare(v, WASM_BUILD_MINIMUM) < 0) {
            f.warn("Emscripten " + version + " is older than 3.1.19, which CPython " + python + "'s"
                    + " Tools/wasm/wasm_build.py requires; builds with it are not what upstream tests.");
        }
        if (python.compareTo(new PythonVersion(3, 13)) >= 0 && compare(v, LINUX_HEADERS_REMOVED) < 0) {
            // Seen with Debian 12's 3.1.6: configure finds timerfd_create, the link then fails.
            f.warn("Emscripten " + version + " still ships sys/timerfd.h (removed with other Linux-only headers by"
                    + " 3.1.23, emscripten-core/emscripten#17638) but implements none of its functions, and"
                    + " CPython " + python + " uses them: the site file answers ac_cv_func_timerfd_create=no");
            f.answer("ac_cv_func_timerfd_create", "no");
        }
        if (python.compareTo(new PythonVersion(3, 13)) == 0) {
            f.warn("CPython 3.13's Tools/wasm/README.md says Emscripten is not officially supported as of 3.13;"
                    + " its configure still builds it (and says so).");
        }
        if (python.compareTo(LAST_TRIED) > 0) {
            f.warn("CPython " + python + " has not been built with this toolchain by this plugin's tests (no source"
                    + " of it was reachable); the site file follows upstream's.");
        }
        return f.build();
    }

    @Override
    public SortedMap<String, String> unavailableModules() {
        SortedMap<String, String> off = new TreeMap<>();
        for (Map.Entry<String, String> e : PORT_MODULES.entrySet()) {
            portProblem(e.getKey()).ifPresent(why -> off.put(e.getValue(), why));
        }
        return off;
    }

    @Override
    public SortedSet<String> missingPorts() {
        SortedSet<String> missing = new TreeSet<>();
        for (String port : PORT_MODULES.keySet()) {
            if (portProblem(port).isPresent()) {
                missing.add(port);
            }
        }
        return missing;
    }

    /** Why emcc would have to download the port and cannot; empty when it is seeded or downloadable. */
    private Optional<String> portProblem(String port) {
        if (cache == null) {
            // An emsdk's own writable cache: emcc downloads ports as it does for any emsdk user.
            return Optional.empty();
        }
        Path source = portSources.get(port);
        if (source == null || !Files.isDirectory(source)) {
            return Optional.of("emscripten's " + port + " port cannot be downloaded here and no local source was"
                    + " given (" + port + "Source)");
        }
        if (EmscriptenPort.read(root.resolve("tools/ports"), port).isEmpty()) {
            return Optional.of("cannot read tools/ports/" + port + ".py of emscripten " + version + " to seed the port");
        }
        return Optional.empty();
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Emscripten toolchain: " + name() + ", found via " + foundVia);
        lines.add("  root:  " + root);
        lines.add("  cache: " + (cache == null ? installedCache + " (writable)"
                : cache.directory() + " (writable copy of " + installedCache + (frozen ? ", which is frozen" : "")
                + (Files.isDirectory(cache.directory()) ? ")" : "; created on first build)")));
        portSources.forEach((k, v) -> lines.add("  port " + k + ": from " + v));
        unavailableModules().forEach((m, why) -> lines.add("  module " + m + " off: " + why));
        new TreeMap<>(environment()).forEach((k, v) -> lines.add("  " + k + "=" + v));

        return lines;
    }

    static int[] parse(String version) {
        String[] parts = version.split("[.-]");
        int[] out = new int[3];
        for (int i = 0; i < 3 && i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
        }
        return out;
    }

    static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
