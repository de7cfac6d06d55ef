package dev.wasmbuild.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system clang's programs are found in one pass: each looked up once on a PATH split once,
 * clang asked once for its version and once for its builtins. A stand-in clang notes each call.
 */
class WasiProgramsTest {
    @TempDir
    Path dir;
    Path first;
    Path second;
    Map<String, String> env;

    @BeforeEach
    void twoPathDirectories() throws Exception {
        first = Files.createDirectories(dir.resolve("first"));
        second = Files.createDirectories(dir.resolve("second"));
        // Only the two directories: a machine's own /usr/bin (llvm-ranlib-19 on Debian 13) would
        // otherwise win over the stand-ins. The stand-in clang needs no PATH (sh's builtins only).
        env = Map.of("PATH", first + ":" + second, "CALLS", dir.resolve("calls").toString());
        executable(first.resolve("clang"), """
                #!/bin/sh
                echo "$*" >> "$CALLS"
                case "$1" in
                --version) echo "Debian clang version 19.1.7 (3)"; echo "Target: x86_64-pc-linux-gnu" ;;
                *) echo /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a ;;
                esac
                """);
    }

    private static void executable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void findsEachProgramOnceTheVersionedOneFirst() throws Exception {
        executable(second.resolve("llvm-ar"), "");
        executable(second.resolve("llvm-ar-19"), "");
        executable(first.resolve("llvm-ranlib"), "");
        executable(second.resolve("wasm-ld"), "");
        SearchPath path = SearchPath.of(env);
        WasiPrograms found = WasiPrograms.onSystem(env, path, path.find("clang").orElseThrow());
        assertEquals(first.resolve("clang"), found.clang());
        assertEquals(Optional.of("19.1.7"), found.clangVersion());
        assertEquals(Optional.of(second.resolve("llvm-ar-19")), found.ar(), "the one of clang's major version");
        assertEquals(Optional.of(first.resolve("llvm-ranlib")), found.ranlib());
        assertEquals(Optional.of(second.resolve("wasm-ld")), found.wasmLd());
        assertEquals(List.of("--version", "--target=wasm32-wasi -print-libgcc-file-name"),
                Files.readAllLines(dir.resolve("calls")), "clang is asked each question once");
    }

    @Test
    void aClangThatDoesNotAnswerIsAskedNothingMore() throws Exception {
        executable(first.resolve("clang"), "#!/bin/sh\necho \"$*\" >> \"$CALLS\"\nexit 1\n");
        executable(second.resolve("wasm-ld"), "");
        WasiPrograms found = WasiPrograms.onSystem(env, SearchPath.of(env), first.resolve("clang"));
        assertEquals(Optional.empty(), found.clangVersion());
        assertEquals(Optional.empty(), found.wasmLd());
        assertEquals(List.of("--version"), Files.readAllLines(dir.resolve("calls")));
    }
}
