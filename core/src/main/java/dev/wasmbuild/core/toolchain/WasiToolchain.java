package dev.wasmbuild.core.toolchain;

import dev.wasmbuild.core.FileErrors;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.catalogue.PythonRelease;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.io.SymbolicLinks;
import java.io.IOException;
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

/**
 * clang for wasm32-wasi: a wasi-sdk (WASI_SDK_PATH, /opt/wasi-sdk) or the system clang with
 * Debian's wasi-libc. The system clang also searches /usr/include for wasm32-wasi, which
 * lets host headers (zlib.h, lzma.h, uuid.h) leak into the build: configure then enables
 * modules whose libraries do not exist for wasm and the link fails. So for the system clang
 * the plugin composes a sysroot that holds only the WASI headers and libraries.
 *
 * <p>Long because it is everything one toolchain answers for itself (where it is, its version,
 * the composed sysroot, the compiler environment, what runs before configure), which callers
 * must not ask about by type.
 */
public final class WasiToolchain implements Toolchain {
    /** The newest CPython line the tests here build for WASI. */
    static final PythonVersion LAST_TRIED = new PythonVersion(3, 13);
    static final Path DEBIAN_HEADERS = Path.of("/usr/include/wasm32-wasi");
    static final Path DEBIAN_LIBS = Path.of("/usr/lib/wasm32-wasi");

    private final String kind;
    private final String version;
    private final Path clang;
    private final Path sysroot;
    private final Map<String, String> environment;
    private final List<String> notes;

    private WasiToolchain(String kind, String version, Path clang, Path sysroot, Map<String, String> environment,
            List<String> notes) {
        this.kind = kind;
        this.version = version;
        this.clang = clang;
        this.sysroot = sysroot;
        this.environment = environment;
        this.notes = notes;
    }

    /**
     * @param env the environment to search (PATH, WASI_SDK_PATH)
     * @param composedSysroot where to compose a sysroot for the system clang
     * @param launcher a compiler launcher (ccache …) to put in front of the compiler, or null
     */
    public static WasiToolchain discover(Map<String, String> env, Path composedSysroot, String launcher)
            throws ToolchainException {
        List<String> looked = new ArrayList<>();
        String sdkPath = env.get("WASI_SDK_PATH");
        if (sdkPath != null && !sdkPath.isBlank()) {
            // Named on purpose: falling back to another compiler would build with one the user did not choose.
            Path sdk = Path.of(sdkPath);
            String missing = sdkProblem(sdk);
            if (missing != null) {
                throw new ToolchainException("WASI_SDK_PATH is " + sdkPath + ", but that is not a usable wasi-sdk: "
                        + missing + ". Point WASI_SDK_PATH at an unpacked wasi-sdk release (the directory holding"
                        + " bin/clang and share/wasi-sysroot), or unset it to use /opt/wasi-sdk or the system clang"
                        + " with wasi-libc.");
            }
            return fromSdk(env, sdk, sdk.resolve("bin/clang"), launcher);
        }
        Path optSdk = Path.of("/opt/wasi-sdk");
        looked.add(optSdk.resolve("bin/clang").toString());
        if (Files.isExecutable(optSdk.resolve("bin/clang"))) {
            String missing = sdkProblem(optSdk);
            if (missing != null) {
                throw new ToolchainException(optSdk + " holds a clang but is not a usable wasi-sdk: " + missing
                        + "; repair or remove it, or set WASI_SDK_PATH to a complete one");
            }
            return fromSdk(env, optSdk, optSdk.resolve("bin/clang"), launcher);
        }
        SearchPath path = SearchPath.of(env);
        Optional<Path> systemClang = path.find("clang");
        looked.add("clang on PATH with wasi-libc in " + DEBIAN_HEADERS + " and " + DEBIAN_LIBS);
        if (systemClang.isPresent() && Files.isRegularFile(DEBIAN_HEADERS.resolve("stdio.h"))
                && Files.isRegularFile(DEBIAN_LIBS.resolve("libc.a"))) {
            return fromSystem(env, WasiPrograms.onSystem(env, path, systemClang.get()), composedSysroot, launcher);
        }
        throw new ToolchainException("No WASI toolchain found. Looked for: " + String.join("; ", looked) + ".\n"
                + "Install one of:\n"
                + "  - Debian's packages: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32\n"
                + "  - a wasi-sdk from https://github.com/WebAssembly/wasi-sdk/releases, unpacked to /opt/wasi-sdk"
                + " or pointed to by WASI_SDK_PATH");
    }

    /** What a wasi-sdk directory lacks for a build, or null when it has it all. */
    static String sdkProblem(Path sdk) {
        if (!Files.isDirectory(sdk)) {
            return Files.exists(sdk) ? "it is not a directory" : "it does not exist";
        }
        for (String tool : List.of("bin/clang", "bin/wasm-ld", "bin/llvm-ar")) {
            if (!Files.isExecutable(sdk.resolve(tool))) {
                return "it has no executable " + tool;
            }
        }
        if (!Files.isDirectory(sdk.resolve("share/wasi-sysroot/include"))) {
            return "it has no share/wasi-sysroot/include";
        }
        return null;
    }

    private static WasiToolchain fromSdk(Map<String, String> env, Path sdk, Path clang, String launcher) {
        Path sysroot = sdk.resolve("share/wasi-sysroot");
        Path bin = sdk.resolve("bin");
        String version = WasiPrograms.inSdk(env, clang).clangVersion().orElse("unknown");
        Map<String, String> e = compilerEnvironment(launcher, clang.toString(), bin.resolve("clang++").toString(),
                "--sysroot=" + sysroot, "");
        e.put("LDSHARED", bin.resolve("wasm-ld").toString());
        e.put("AR", bin.resolve("llvm-ar").toString());
        e.put("RANLIB", bin.resolve("ranlib").toString());
        e.put("PKG_CONFIG_PATH", "");
        e.put("PKG_CONFIG_LIBDIR", sysroot.resolve("lib/pkgconfig") + ":" + sysroot.resolve("share/pkgconfig"));
        e.put("PKG_CONFIG_SYSROOT_DIR", sysroot.toString());
        e.put("PATH", bin + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        e.put("WASI_SDK_PATH", sdk.toString());
        e.put("WASI_SYSROOT", sysroot.toString());
        return new WasiToolchain("wasi-sdk at " + sdk, version, clang, sysroot, e, List.of());
    }

    private static WasiToolchain fromSystem(Map<String, String> env, WasiPrograms found, Path sysroot,
            String launcher) throws ToolchainException {
        Path clang = found.clang();
        String version = found.clangVersion().orElseThrow(() -> new ToolchainException(
                clang + " --version did not answer; is clang installed correctly?"));
        List<String> notes = new ArrayList<>();
        Optional<String> builtins = found.builtins();
        if (builtins.isEmpty() || !Files.isRegularFile(Path.of(builtins.get()))) {
            throw new ToolchainException("clang " + version + " has no compiler-rt builtins for wasm32 ("
                    + builtins.orElse("clang -print-libgcc-file-name failed")
                    + "); install them: apt-get install libclang-rt-" + major(version) + "-dev-wasm32");
        }
        if (found.wasmLd().isEmpty()) {
            throw new ToolchainException("clang " + version + " is there but wasm-ld is not on PATH;"
                    + " install it: apt-get install lld");
        }
        composeSysroot(sysroot);
        String major = major(version);
        String ar = found.ar().map(Path::toString).orElseThrow(() -> new ToolchainException(
                "no llvm-ar (or llvm-ar-" + major + ") on PATH; install it: apt-get install llvm-" + major));
        String ranlib = found.ranlib().map(Path::toString).orElse(ar + " s");
        Map<String, String> e = compilerEnvironment(launcher, clang.toString(), clang.toString() + "++",
                "--sysroot=" + sysroot, "--target=wasm32-wasi");
        e.put("CXX", found.clangxx().map(Path::toString).orElse("clang++")
                + " --target=wasm32-wasi --sysroot=" + sysroot);
        e.put("AR", ar);
        e.put("RANLIB", ranlib);
        e.put("PKG_CONFIG_PATH", "");
        e.put("PKG_CONFIG_LIBDIR", sysroot.resolve("lib/pkgconfig").toString());
        e.put("PKG_CONFIG_SYSROOT_DIR", sysroot.toString());
        notes.add("host headers kept out: compiling against the composed sysroot " + sysroot);
        return new WasiToolchain("system clang + Debian wasi-libc", version, clang, sysroot, e, notes);
    }

    /**
     * CC and friends as configure expects them: one string with the flags, since configure
     * splits CC into words itself.
     */
    private static Map<String, String> compilerEnvironment(String launcher, String cc, String cxx, String sysrootFlag,
            String targetFlag) {
        String prefix = launcher == null || launcher.isBlank() ? "" : launcher.trim() + " ";
        String flags = String.join(" ", Executables.words(targetFlag, sysrootFlag));
        Map<String, String> e = new LinkedHashMap<>();
        e.put("CC", prefix + cc + " " + flags);
        e.put("CPP", cc + " " + flags + " -E");
        e.put("CXX", prefix + cxx + " " + flags);
        return e;
    }

    /**
     * DIR/include/&lt;triple&gt; and DIR/lib/&lt;triple&gt;, as links to Debian's wasi-libc and
     * nothing else: wasm32-wasi always, and wasm32-wasip1 and wasm32-wasip2 where the
     * installed wasi-libc has them (Debian 13's does). clang keeps compiling for wasm32-wasi
     * even when configure's host is wasm32-wasip1 (CPython 3.13+): Debian 13's wasm32-wasip1
     * trees are links to the wasm32-wasi ones (the same ABI under its older name), and its
     * compiler-rt builtins exist only where clang looks for wasm32-wasi; asked for
     * wasm32-wasip1, clang 19 looks for lib/wasm32-unknown-wasip1/libclang_rt.builtins.a,
     * which Debian does not ship, and every link fails.
     */
    static void composeSysroot(Path dir) throws ToolchainException {
        try {
            link(dir.resolve("include/wasm32-wasi"), DEBIAN_HEADERS);
            link(dir.resolve("lib/wasm32-wasi"), DEBIAN_LIBS);
            for (String triple : List.of("wasm32-wasip1", "wasm32-wasip2")) {
                Path headers = DEBIAN_HEADERS.resolveSibling(triple);
                Path libs = DEBIAN_LIBS.resolveSibling(triple);
                if (Files.isDirectory(headers) && Files.isDirectory(libs)) {
                    link(dir.resolve("include/" + triple), headers);
                    link(dir.resolve("lib/" + triple), libs);
                }
            }
            Files.createDirectories(dir.resolve("lib/pkgconfig"));
        } catch (IOException e) {
            throw new ToolchainException("cannot compose the WASI sysroot in " + dir + " (" + Setting.TOOL_CACHE + "): " + FileErrors.describe(e));
        }
    }

    /** Concurrent runs compose the same sysroot; the link is replaced atomically, so neither sees it missing. */
    private static void link(Path link, Path target) throws IOException {
        SymbolicLinks.place(link, target);
    }

    static String major(String version) {
        int dot = version.indexOf('.');
        return dot > 0 ? version.substring(0, dot) : version;
    }

    @Override
    public String name() {
        return "clang " + version + " for wasm32-wasi (" + kind + ")";
    }

    @Override
    public String identity() {
        return "wasi|" + kind + "|" + clang + "|" + version + "|" + sysroot;
    }


    @Override
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    @Override
    public Fitness fitnessFor(PythonRelease python) {
        return fitness(python, hasPthreadHeader(), hasPosixStubs(), clangMajor(version));
    }

    /**
     * WASI SDK 22's wasi-libc added chmod, fchmod, fchmodat, statvfs and fstatvfs as stubs that
     * fail with ENOSYS (python/cpython#120371), and sys/statvfs.h with them; older ones (Debian
     * 12's) have neither. Debian 13's has both.
     */
    private boolean hasPosixStubs() {
        return hasHeader("sys/statvfs.h");
    }

    /** A header in the sysroot, flat (a wasi-sdk) or under a triple's directory (Debian's). */
    private boolean hasHeader(String name) {
        return Files.isRegularFile(sysroot.resolve("include").resolve(name))
                || Files.isRegularFile(sysroot.resolve("include/wasm32-wasi").resolve(name))
                || Files.isRegularFile(sysroot.resolve("include/wasm32-wasip1").resolve(name));
    }

    /** wasi-libc gained pthread.h (and a real pthread_t) in 2023, with WASI SDK 20. */
    private boolean hasPthreadHeader() {
        return hasHeader("pthread.h");
    }

    /** The major version of "19.1.7"; 0 when clang did not say (a wasi-sdk whose clang did not answer). */
    static int clangMajor(String version) {
        try {
            return Integer.parseInt(major(version));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * CPython 3.13 is built upstream with WASI SDK 21 or newer. With an older wasi-libc (Debian
     * 12's, from 2022) it builds too once configure knows the size of pthread_t: configure only
     * measures it when pthread.h exists, and 3.13's thread stubs fail to compile without it
     * ("Unsupported SIZEOF_PTHREAD_T value"). The stubs take pthread_t from wasi-libc's
     * bits/alltypes.h, an unsigned long: 4 bytes on wasm32.
     *
     * clang 15 made -Wint-conversion an error, and wasi-libc defines CLOCK_REALTIME and friends
     * as pointers, which CPython hands to PyModule_AddIntConstant. CPython 3.11.8 and 3.12.0
     * answer that through ac_cv_disable_int_conversion in their site files (the int-conversion
     * feature); older 3.11 releases' configure knows no such answer, so CFLAGS gets the flag.
     *
     * A wasi-libc with ENOSYS stubs for chmod and statvfs gets them answered "no" before 3.13.
     */
    static Fitness fitness(PythonRelease release, boolean pthreadHeader, boolean posixStubs, int clangMajor) {
        Fitness.Builder f = new Fitness.Builder(release);
        PythonVersion python = release.minorVersion();
        if (python.compareTo(new PythonVersion(3, 13)) >= 0 && !pthreadHeader) {
            f.warn("this wasi-libc has no pthread.h (it predates WASI SDK 20; CPython " + python + " is built"
                    + " upstream with WASI SDK 21 or newer): the site file answers ac_cv_have_pthread_t=yes and"
                    + " ac_cv_sizeof_pthread_t=4 so that " + python + "'s thread stubs compile");
            f.answer("ac_cv_have_pthread_t", "yes").answer("ac_cv_sizeof_pthread_t", "4");
        }
        if (posixStubs && python.compareTo(new PythonVersion(3, 13)) < 0) {
            // 3.13's site file answers these itself (the chmod and statvfs features).
            f.warn("this wasi-libc (WASI SDK 22 or later) has chmod, fchmod, fchmodat, statvfs and fstatvfs only as"
                    + " stubs that fail with ENOSYS, which CPython " + release + "'s site file predates (3.13 turns"
                    + " them off, python/cpython#120371): the site file answers ac_cv_func_chmod=no and the like, so"
                    + " os.chmod and os.statvfs are absent rather than failing");
            for (String function : List.of("chmod", "fchmod", "fchmodat", "statvfs", "fstatvfs")) {
                f.answer("ac_cv_func_" + function, "no");
            }
        }
        if (clangMajor >= 15 && python.equals(new PythonVersion(3, 11))
                && release.compareTo(PythonRelease.of(3, 11, 8)) < 0) {
            f.warn("clang " + clangMajor + " reports int-conversion as an error, and CPython " + release
                    + " predates the ac_cv_disable_int_conversion answer (3.11.8): CFLAGS gets -Wno-int-conversion"
                    + " so that timemodule.c compiles");
            f.compilerFlag("-Wno-int-conversion");
        }
        if (python.compareTo(LAST_TRIED) > 0) {
            f.warn("CPython " + python + " has not been built by this plugin's tests (no source of it was"
                    + " reachable); the site file follows upstream's.");
        }
        return f.build();
    }

    /** Nothing: the WASI sysroot is complete as found. */
    @Override
    public void beforeConfigure(java.util.function.Consumer<String> info) {
    }

    /** wasi-libc has no ports; a module's library is either in the sysroot or the module is off. */
    @Override
    public SortedSet<String> missingPorts() {
        return new TreeSet<>();
    }

    @Override
    public SortedMap<String, String> unavailableModules() {
        return new TreeMap<>();
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("WASI toolchain: " + name());
        lines.add("  clang:   " + clang);
        lines.add("  sysroot: " + sysroot);
        new java.util.TreeMap<>(environment).forEach((k, v) -> lines.add("  " + k + "=" + v));
        notes.forEach(n -> lines.add("  note: " + n));
        return lines;
    }
}
