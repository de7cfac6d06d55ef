package dev.wasmbuild.core.toolchain;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.catalogue.Platform;
import java.nio.file.Path;
import java.util.Map;

/** Finds the cross toolchain a platform needs. */
public final class Toolchains {
    private Toolchains() {
    }

    /**
     * @param toolCache the user-wide cache (composed WASI sysroot, writable emscripten caches)
     * @param portSources local source trees for emscripten ports
     * @param launcher a compiler launcher such as ccache, or null; checked here, since it becomes
     *     part of command lines a shell parses
     */
    public static Toolchain discover(Platform platform, Map<String, String> env, Path toolCache,
            Map<String, Path> portSources, String launcher) throws ToolchainException, ConfigurationException {
        String checked = CompilerLauncher.check(launcher, env);
        return switch (platform) {
            case WASM32_WASI -> WasiToolchain.discover(env, toolCache.resolve("wasi-sysroot"), checked);
            case WASM32_EMSCRIPTEN -> EmscriptenToolchain.discover(env, toolCache.resolve("emscripten"), portSources,
                    checked);
        };
    }
}
