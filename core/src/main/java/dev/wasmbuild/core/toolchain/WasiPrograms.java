package dev.wasmbuild.core.toolchain;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The programs a WASI build runs and what they said about themselves, each looked up or asked
 * once, so that {@link WasiToolchain} is built from one finding instead of going back to PATH
 * and to clang for every question. Empty parts are what was not found; the toolchain decides
 * which absence is an error and says so.
 *
 * @param clang the compiler
 * @param clangVersion "19.1.7" (or the first line of --version when it has no such number); empty
 *     when clang did not answer
 * @param builtins what clang names as its wasm32 compiler-rt builtins (the file may be missing)
 * @param clangxx clang++ on PATH (the system clang only)
 * @param wasmLd wasm-ld on PATH (the system clang only)
 * @param ar llvm-ar, the versioned one first (the system clang only)
 * @param ranlib llvm-ranlib, the versioned one first (the system clang only)
 */
record WasiPrograms(Path clang, Optional<String> clangVersion, Optional<String> builtins, Optional<Path> clangxx,
        Optional<Path> wasmLd, Optional<Path> ar, Optional<Path> ranlib) {
    private static final Pattern CLANG_VERSION = Pattern.compile("clang version (\\d+)\\.(\\d+)\\.(\\d+)");

    /** A wasi-sdk's clang: the sdk holds the rest at fixed places, so only the version is asked. */
    static WasiPrograms inSdk(Map<String, String> env, Path clang) {
        return new WasiPrograms(clang, clangVersion(env, clang), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The system clang and its companions on PATH. A clang that does not tell its version is
     * not asked anything more: nothing else can be trusted of it.
     */
    static WasiPrograms onSystem(Map<String, String> env, SearchPath path, Path clang) {
        Optional<String> version = clangVersion(env, clang);
        if (version.isEmpty()) {
            return new WasiPrograms(clang, version, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        String major = WasiToolchain.major(version.get());
        return new WasiPrograms(clang, version,
                Executables.output(env, clang.toString(), "--target=wasm32-wasi", "-print-libgcc-file-name"),
                path.find("clang++"), path.find("wasm-ld"), path.findFirst("llvm-ar-" + major, "llvm-ar"),
                path.findFirst("llvm-ranlib-" + major, "llvm-ranlib"));
    }

    static Optional<String> clangVersion(Map<String, String> env, Path clang) {
        return Executables.output(env, clang.toString(), "--version").map(out -> {
            Matcher m = CLANG_VERSION.matcher(out);
            return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : Executables.firstLine(out);
        });
    }
}
