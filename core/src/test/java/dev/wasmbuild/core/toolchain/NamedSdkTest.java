package dev.wasmbuild.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SDK the user named (WASI_SDK_PATH, EMSDK) is used or refused; the plugin never falls back
 * to another compiler, which would build with one the user did not choose.
 */
class NamedSdkTest {
    @TempDir
    Path dir;

    private Map<String, String> env(String name, Path value) {
        // PATH holds Debian's clang and emcc on the CI machine: a fall-back would find them.
        return Map.of(name, value.toString(), "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    private void executable(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aWasiSdkPathThatDoesNotExistIsAnError() {
        Path missing = dir.resolve("wasi-sdk-24.0");
        ToolchainException e = assertThrows(ToolchainException.class,
                () -> WasiToolchain.discover(env("WASI_SDK_PATH", missing), dir.resolve("sysroot"), null));
        assertTrue(e.getMessage().startsWith("WASI_SDK_PATH is " + missing + ", but that is not a usable wasi-sdk:"
                + " it does not exist."), e.getMessage());
        assertTrue(e.getMessage().contains("or unset it"), e.getMessage());
    }

    @Test
    void aWasiSdkWithoutItsSysrootIsAnError() throws Exception {
        Path sdk = dir.resolve("sdk");
        for (String tool : new String[] {"bin/clang", "bin/wasm-ld", "bin/llvm-ar"}) {
            executable(sdk.resolve(tool));
        }
        ToolchainException e = assertThrows(ToolchainException.class,
                () -> WasiToolchain.discover(env("WASI_SDK_PATH", sdk), dir.resolve("sysroot"), null));
        assertTrue(e.getMessage().contains("it has no share/wasi-sysroot/include"), e.getMessage());
    }

    @Test
    void sdkProblemNamesTheFirstMissingTool() throws Exception {
        Path sdk = dir.resolve("sdk");
        executable(sdk.resolve("bin/clang"));
        assertTrue(WasiToolchain.sdkProblem(sdk).equals("it has no executable bin/wasm-ld"),
                WasiToolchain.sdkProblem(sdk));
        executable(sdk.resolve("bin/wasm-ld"));
        executable(sdk.resolve("bin/llvm-ar"));
        Files.createDirectories(sdk.resolve("share/wasi-sysroot/include"));
        assertNull(WasiToolchain.sdkProblem(sdk));
        Files.writeString(dir.resolve("file"), "");
        assertTrue(WasiToolchain.sdkProblem(dir.resolve("file")).equals("it is not a directory"));
    }

    @Test
    void anEmsdkWithoutAnActivatedSdkIsAnError() throws Exception {
        Path emsdk = dir.resolve("emsdk");
        Files.createDirectories(emsdk.resolve("upstream"));
        ToolchainException e = assertThrows(ToolchainException.class,
                () -> EmscriptenToolchain.discover(env("EMSDK", emsdk), dir.resolve("cache"), Map.of(), null));
        assertTrue(e.getMessage().startsWith("EMSDK is " + emsdk + ", but that is not a usable emsdk: there is no "
                + emsdk.resolve("upstream/emscripten/emcc.py")), e.getMessage());
    }
}
