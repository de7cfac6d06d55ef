package dev.wasmbuild.core.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Skips (rather than fails) a test that needs a real toolchain on a machine without it, with a
 * message saying what is missing and how to install it. Only for tests: the plugin itself
 * reports missing tools through its own discovery.
 */
public final class ToolchainAssumptions {
    private static final Path WASI_HEADERS = Path.of("/usr/include/wasm32-wasi/stdio.h");
    private static final Path WASI_LIBC = Path.of("/usr/lib/wasm32-wasi/libc.a");

    private ToolchainAssumptions() {
    }

    /** Debian's clang with wasm32-wasi support: clang, wasm-ld, wasi-libc and compiler-rt for wasm32. */
    public static void assumeSystemWasiClang() {
        assumeTrue(onPath("clang").isPresent(), "clang is not on PATH; this test needs clang for wasm32-wasi"
                + " (apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32)");
        assumeTrue(Files.isRegularFile(WASI_HEADERS) && Files.isRegularFile(WASI_LIBC), "no wasi-libc in "
                + WASI_HEADERS.getParent() + " and " + WASI_LIBC.getParent() + "; this test needs it"
                + " (apt-get install wasi-libc)");
        assumeTrue(onPath("wasm-ld").isPresent(), "wasm-ld is not on PATH; this test needs it (apt-get install lld)");
        Optional<String> builtins = output("clang", "--target=wasm32-wasi", "-print-libgcc-file-name");
        assumeTrue(builtins.isPresent() && Files.isRegularFile(Path.of(builtins.get().trim())),
                "clang has no compiler-rt builtins for wasm32 (" + builtins.orElse("no answer") + "); this test"
                        + " needs them (apt-get install libclang-rt-14-dev-wasm32)");
    }

    public static void assumeNode() {
        assumeTrue(onPath("node").isPresent(), "node is not on PATH; this test needs it (apt-get install nodejs)");
    }

    /** Emscripten as the plugin finds it: EMSDK, EM_CONFIG or emcc on PATH. */
    public static void assumeEmscripten() {
        String emsdk = System.getenv("EMSDK");
        String emConfig = System.getenv("EM_CONFIG");
        assumeTrue((emsdk != null && !emsdk.isBlank()) || (emConfig != null && !emConfig.isBlank())
                || onPath("emcc").isPresent(), "no Emscripten (EMSDK, EM_CONFIG or emcc on PATH); this test needs"
                        + " it (apt-get install emscripten)");
    }

    public static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> output(String... command) {
        try {
            // Tests may start processes themselves; the gateway rule is for the production code.
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
