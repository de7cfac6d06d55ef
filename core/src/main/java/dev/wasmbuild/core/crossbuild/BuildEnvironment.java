package dev.wasmbuild.core.crossbuild;

import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.build.BuildLayout;
import dev.wasmbuild.core.run.HostRunners;
import dev.wasmbuild.core.toolchain.Fitness;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a planned cross build runs in: the toolchain's variables, CFLAGS with the
 * plugin's prefix maps and the toolchain's flags, HOSTRUNNER, the pom's own variables, the
 * build date; and, for the native build Python, the same environment without what would turn
 * it into a cross build.
 */
final class BuildEnvironment {
    /** Variables that would turn the native build Python into a cross build if inherited. */
    private static final Set<String> CROSS_ONLY = Set.of("CC", "CXX", "CPP", "CFLAGS", "CPPFLAGS", "CXXFLAGS",
            "LDFLAGS", "LIBS", "AR", "RANLIB", "LDSHARED", "CONFIG_SITE", "HOSTRUNNER", "PKG_CONFIG_PATH",
            "PKG_CONFIG_LIBDIR", "PKG_CONFIG_SYSROOT_DIR");

    /** 1980-02-01T00:00:00Z: the DOS epoch plus a month, also the zip entries' time when no other is given. */
    static final long DEFAULT_SOURCE_DATE_EPOCH = 315_532_800L + 86_400L * 31;

    private final BuildPlan plan;

    BuildEnvironment(BuildPlan plan) {
        this.plan = plan;
    }

    /**
     * What configure starts from: the process environment with SOURCE_DATE_EPOCH, the
     * reproducible-builds convention, for the tools that stamp a date into what they make
     * (py_compile, compilers that read it for __DATE__). Left out of the configure fingerprint:
     * no configure answer depends on it. The environment's own wins.
     */
    Map<String, String> base() {
        Map<String, String> env = new TreeMap<>(plan.request().host().processEnvironment());
        env.putIfAbsent("SOURCE_DATE_EPOCH", Long.toString(DEFAULT_SOURCE_DATE_EPOCH));
        return env;
    }

    /** What make runs with: {@link #base()}, {@link #added()}, and the build date in CFLAGS_NODIST. */
    Map<String, String> forMake() throws WasmBuildException {
        Map<String, String> env = base();
        env.putAll(added());
        env.merge("CFLAGS_NODIST", buildDate(env.get("SOURCE_DATE_EPOCH")), (user, ours) -> ours + " " + user);
        return env;
    }

    /**
     * sys.version's build date and time (Modules/getbuildinfo.c takes DATE and TIME when they are
     * defined, else __DATE__ and __TIME__, which Debian's clang 14 takes from the clock, not from
     * SOURCE_DATE_EPOCH). Given to make only, in CFLAGS_NODIST, which CPython's Makefile reads
     * from the environment for the interpreter's own files and writes nowhere (not into
     * _sysconfigdata). Backslashes, since make's recipe shell reads the value.
     */
    static String buildDate(String sourceDateEpoch) {
        long seconds = sourceDateEpoch != null && sourceDateEpoch.matches("[0-9]{1,12}")
                ? Long.parseLong(sourceDateEpoch) : DEFAULT_SOURCE_DATE_EPOCH;
        ZonedDateTime t = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
        String date = t.format(DateTimeFormatter.ofPattern("MMM ppd yyyy", Locale.ROOT));
        String time = t.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT));
        return "-DDATE=\\\"" + date.replace(" ", "\\ ") + "\\\" -DTIME=\\\"" + time + "\\\"";
    }

    /**
     * The toolchain's variables, CPython's HOSTRUNNER, then the pom's own (which win). CFLAGS
     * starts with prefix maps that write the source and build directories as /cpython/src and
     * /cpython/build into debug information and __FILE__, so two project directories give the
     * same python.wasm; then what the toolchain needs for this release ({@link Fitness}); the
     * pom's CFLAGS come after them. Part of the configure fingerprint.
     */
    Map<String, String> added() throws WasmBuildException {
        BuildLayout makeLayout = plan.makeLayout();
        Map<String, String> env = new TreeMap<>(plan.toolchain().environment());
        // The paths the compiler is given are the aliases: CFLAGS is split on spaces, so a real
        // path with one could not be named here anyway (and the alias's hash differs per
        // project, which the map hides).
        List<String> ours = new ArrayList<>(List.of("-ffile-prefix-map=" + makeLayout.buildDirectory()
                + "=/cpython/build", "-ffile-prefix-map=" + makeLayout.sourceDirectory() + "=/cpython/src"));
        ours.addAll(plan.compilerFlags());
        env.merge("CFLAGS", String.join(" ", ours), (toolchainFlags, plugin) -> plugin + " " + toolchainFlags);
        if (plan.runner() != null) {
            env.put("HOSTRUNNER", new HostRunners(plan.request().host().processEnvironment())
                    .hostRunnerForConfigure(plan.runner(), makeLayout));
        }
        Map<String, String> user = new TreeMap<>(plan.request().host().userEnvironment());
        String userFlags = user.remove("CFLAGS");
        env.putAll(user);
        if (userFlags != null) {
            env.put("CFLAGS", env.get("CFLAGS") + " " + userFlags);
        }
        return env;
    }

    /** The native build Python's environment: the process's own, without the cross compiler's variables. */
    Map<String, String> nativeBuild() {
        Map<String, String> env = new TreeMap<>(plan.request().host().processEnvironment());
        env.keySet().removeAll(CROSS_ONLY);
        return env;
    }
}
