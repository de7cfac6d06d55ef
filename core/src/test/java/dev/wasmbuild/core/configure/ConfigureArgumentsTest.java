package dev.wasmbuild.core.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigureArgumentsTest {

    private static BuildOptions options(List<String> arguments, boolean dynamicLinking, boolean pthreads,
            boolean debug) {
        return new BuildOptions(dynamicLinking, pthreads, debug, arguments, 1, null, Map.of());
    }

    @Test
    void composesTheTargetArgumentsBeforeTheUsersOwn() throws ConfigurationException {
        List<String> user = ConfigureArguments.validate(Target.EMSCRIPTEN_BROWSER,
                options(List.of(" --without-ensurepip ", "", "OPT=-O2"), true, true, false));
        List<String> args = ConfigureArguments.compose(Target.EMSCRIPTEN_BROWSER, new PythonVersion(3, 11),
                "x86_64-pc-linux-gnu", Path.of("/cache/python"), options(null, true, true, true), List.of("--disable-largefile"), user);
        assertEquals(List.of("--host=wasm32-unknown-emscripten", "--build=x86_64-pc-linux-gnu",
                "--with-build-python=/cache/python", "--with-emscripten-target=browser",
                "--enable-wasm-dynamic-linking", "--enable-wasm-pthreads", "--with-pydebug", "--disable-largefile",
                "--without-ensurepip", "OPT=-O2"), args);
    }

    @Test
    void wasiHasNoEmscriptenTargetArgument() {
        List<String> args = ConfigureArguments.compose(Target.WASI, new PythonVersion(3, 11), "b", Path.of("/p"), options(null, false, false, false), List.of(), List.of());
        assertEquals(List.of("--host=wasm32-unknown-wasi", "--build=b", "--with-build-python=/p"), args);
    }

    @Test
    void wasiHostIsWasip1FromCPython313() {
        assertEquals("--host=wasm32-unknown-wasi", ConfigureArguments.compose(Target.WASI, new PythonVersion(3, 12),
                "b", Path.of("/p"), options(null, false, false, false), List.of(), List.of()).get(0));
        assertEquals("--host=wasm32-wasip1", ConfigureArguments.compose(Target.WASI, new PythonVersion(3, 13),
                "b", Path.of("/p"), options(null, false, false, false), List.of(), List.of()).get(0));
        assertEquals("--host=wasm32-unknown-emscripten", ConfigureArguments.compose(Target.EMSCRIPTEN_NODE,
                new PythonVersion(3, 13), "b", Path.of("/p"), options(null, false, false, false), List.of(), List.of()).get(0));
    }

    @Test
    void refusesArgumentsThePluginOwns() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ConfigureArguments.validate(Target.WASI, options(List.of("--host=x86_64-linux-gnu"), false, false, false)));
        assertTrue(e.getMessage().startsWith("'--host=x86_64-linux-gnu' is set by the plugin"),
                e.getMessage());
    }

    @Test
    void refusesWordsThatAreNeitherOptionsNorAssignments() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ConfigureArguments.validate(Target.WASI, options(List.of("; rm -rf /"), false, false, false)));
        assertTrue(e.getMessage().contains("neither an option"), e.getMessage());
    }

    @Test
    void refusesEmscriptenOnlySwitchesForWasi() {
        assertEquals(Setting.DYNAMIC_LINKING, assertThrows(ConfigurationException.class,
                () -> ConfigureArguments.validate(Target.WASI, options(null, true, false, false))).setting());
        assertEquals(Setting.PTHREADS, assertThrows(ConfigurationException.class,
                () -> ConfigureArguments.validate(Target.WASI, options(null, false, true, false))).setting());
    }
}
