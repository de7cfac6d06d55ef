package dev.wasmbuild.core.configure;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.catalogue.Platform;
import dev.wasmbuild.core.catalogue.PythonVersion;
import dev.wasmbuild.core.catalogue.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * configure's command-line arguments for a cross build. The plugin owns the arguments that
 * describe the target and the build Python; a user's own arguments come last and may not
 * repeat those, since configure would silently take whichever came last.
 */
public final class ConfigureArguments {
    private static final List<String> OWNED = List.of("--host", "--build", "--with-build-python",
            "--with-emscripten-target", "--enable-wasm-dynamic-linking", "--disable-wasm-dynamic-linking",
            "--enable-wasm-pthreads", "--disable-wasm-pthreads", "--with-pydebug", "--without-pydebug",
            "CONFIG_SITE", "HOSTRUNNER");

    private ConfigureArguments() {
    }

    /** Checks the pom's configureArguments and the switches that only some targets have. */
    public static List<String> validate(Target target, BuildOptions options) throws ConfigurationException {
        if (target.platform() == Platform.WASM32_WASI) {
            if (options.dynamicLinking()) {
                throw new ConfigurationException(Setting.DYNAMIC_LINKING, "--enable-wasm-dynamic-linking is for the"
                        + " Emscripten targets (emscripten-node, emscripten-browser); CPython 3.11 cannot link"
                        + " extension modules dynamically on WASI. Remove it or choose an Emscripten target");
            }
            if (options.pthreads()) {
                throw new ConfigurationException(Setting.PTHREADS, "--enable-wasm-pthreads is for the Emscripten targets"
                        + " (emscripten-node, emscripten-browser); WASI preview1 has no threads. Remove it or"
                        + " choose an Emscripten target");
            }
        }
        List<String> out = new ArrayList<>();
        for (String raw : options.configureArguments()) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String arg = raw.trim();
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (OWNED.contains(name)) {
                throw new ConfigurationException(Setting.CONFIGURE_ARGUMENTS, "'" + arg + "' is set by the plugin itself"
                        + " (from " + Setting.TARGET + ", " + Setting.DYNAMIC_LINKING + ", " + Setting.PTHREADS + ", " + Setting.DEBUG + " and the build Python);"
                        + " remove it from " + Setting.CONFIGURE_ARGUMENTS);
            }
            if (!arg.startsWith("--") && !arg.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                throw new ConfigurationException(Setting.CONFIGURE_ARGUMENTS, "'" + arg + "' is neither an option"
                        + " (--with-…, --enable-…, --disable-…) nor a variable assignment (NAME=value)");
            }
            out.add(arg);
        }
        return out;
    }

    /**
     * configure's --host: CPython 3.13 names WASI preview 1 wasm32-wasip1 (its tier-2 platform
     * wasm32-unknown-wasip1/clang; with wasm32-unknown-wasi configure warns that the platform is
     * not supported). The compiler keeps --target=wasm32-wasi, the same ABI for Debian's wasi-libc.
     */
    static String hostTriple(Target target, PythonVersion version) {
        if (target.platform() == Platform.WASM32_WASI && version != null
                && version.compareTo(new PythonVersion(3, 13)) >= 0) {
            return "wasm32-wasip1";
        }
        return target.platform().hostTriple();
    }

    /**
     * The full argument list for a known CPython version (null: as for 3.11), in a fixed order
     * (the order is part of the configure fingerprint).
     */
    public static List<String> compose(Target target, PythonVersion version, String buildTriple, Path buildPython,
            BuildOptions options, List<String> featureArguments, List<String> userArguments) {
        List<String> args = new ArrayList<>();
        args.add("--host=" + hostTriple(target, version));
        args.add("--build=" + buildTriple);
        args.add("--with-build-python=" + buildPython);
        target.emscriptenTarget().ifPresent(t -> args.add("--with-emscripten-target=" + t));
        if (options.dynamicLinking()) {
            args.add("--enable-wasm-dynamic-linking");
        }
        if (options.pthreads()) {
            args.add("--enable-wasm-pthreads");
        }
        if (options.debug()) {
            args.add("--with-pydebug");
        }
        args.addAll(featureArguments);
        args.addAll(userArguments);
        return args;
    }
}
