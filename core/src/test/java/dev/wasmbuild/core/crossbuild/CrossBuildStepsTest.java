package dev.wasmbuild.core.crossbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.catalogue.CatalogueLoader;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.configure.BuildOptions;
import dev.wasmbuild.core.make.BinasciiWithoutZlibPort;
import dev.wasmbuild.core.process.ProcessFailedException;
import dev.wasmbuild.core.process.StepLog;
import dev.wasmbuild.core.site.ConfigSiteGenerator;
import dev.wasmbuild.core.site.SiteRequest;
import dev.wasmbuild.core.source.CPythonSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross build's steps in order, with no toolchain: a stand-in CPython source whose configure
 * records its arguments and writes a Makefile (the build Python's one links a shell script as
 * "python"), the host's make, and a {@link StubToolchain}. What is checked is the order of the
 * steps, what is skipped and why, and what a failure says.
 */
class CrossBuildStepsTest {
    /**
     * The cross configure (it gets --host) notes its arguments and CONFIG_SITE in $RECORD and
     * fails when $RECORD/fail exists; the build Python's configure writes a Makefile that makes
     * "python", which answers the version check with patchlevel.h's 3.11.2. Each make notes its goal. Recording outside the source tree keeps the build
     * Python's cache key (a hash of the tree) the same from run to run.
     */
    private static final String CONFIGURE = """
            #!/bin/sh
            PACKAGE_VERSION='3.11'
            test "$py_cv_module_zlib" != "n/a"
            test "$py_cv_module__bz2" != "n/a"
            case "$*" in
            *--host=*)
              echo "$*" >> "$RECORD/configure-calls"
              echo "CONFIG_SITE=$CONFIG_SITE CFLAGS=$CFLAGS HOSTRUNNER=$HOSTRUNNER" > "$RECORD/configure-env"
              echo "checking for a stand-in... yes"
              if [ -e "$RECORD/fail" ]; then
                printf 'configure:1: checking the thing\\nconfigure:2: result: it broke\\n' > config.log
                echo "configure: error: it broke" >&2
                exit 3
              fi
              printf 'all:\\n\\techo "make all CFLAGS_NODIST=$$CFLAGS_NODIST" >> "$$RECORD/make-calls"\\n' > Makefile
              echo '#!/bin/sh' > config.status
              ;;
            *)
              printf 'all:\\n\\tprintf "#!/bin/sh\\\\necho 3.11.2\\\\n" > python && chmod +x python\\n' > Makefile
              ;;
            esac
            """;

    @TempDir
    Path dir;
    Path source;
    Path build;
    Path record;
    final List<String> info = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    StepLog log;
    StubToolchain toolchain = new StubToolchain("stub|1", List.of("-Wno-stub"));

    @BeforeEach
    void aStandInSource() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/make")), "needs GNU make at /usr/bin/make");
        source = Files.createDirectories(dir.resolve("cpython"));
        executable(source.resolve("configure"), CONFIGURE);
        executable(source.resolve("config.guess"), "#!/bin/sh\necho x86_64-pc-linux-gnu\n");
        Files.createDirectories(source.resolve("Include"));
        Files.writeString(source.resolve("Include/patchlevel.h"), "#define PY_VERSION \"3.11.2\"\n");
        build = dir.resolve("target/wasm/emscripten-browser");
        record = Files.createDirectories(dir.resolve("record"));
        log = new StepLog(info::add, warnings::add, line -> { });
    }

    private static void executable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private BuildRequest request(Map<String, String> userEnvironment) throws Exception {
        SiteRequest site = new SiteRequest(Target.EMSCRIPTEN_BROWSER, CPythonSource.open(source, Setting.SOURCE_DIRECTORY),
                null, null, null, null, null, null);
        BuildOptions options = new BuildOptions(false, false, false, List.of("--without-ensurepip"), 1, null, Map.of());
        HostSettings host = new HostSettings(dir.resolve("tool-cache"),
                Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C", "RECORD", record.toString()), userEnvironment, null);
        return new BuildRequest(site, build, options, host, "9.9.9");
    }

    private CrossBuild prepare(Map<String, String> userEnvironment) throws Exception {
        return CrossBuild.prepare(request(userEnvironment),
                new ConfigSiteGenerator(CatalogueLoader.loadBundled(), "9.9.9"), (target, s) -> toolchain, log);
    }

    private List<String> lines(String name) throws Exception {
        Path file = record.resolve(name);
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** The index of the first info line starting with {@code prefix}, failing when there is none. */
    private int step(String prefix) {
        for (int i = 0; i < info.size(); i++) {
            if (info.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + info);
    }

    @Test
    void preparingRunsNothingAndWritesNothing() throws Exception {
        CrossBuild build = prepare(Map.of());
        assertEquals(List.of("Toolchain: stub cc"), info);
        assertFalse(Files.exists(this.build), "nothing is written before configure");
        assertEquals(List.of(), lines("configure-calls"));
        assertEquals(this.build.resolve("python.js"), build.layout().program());
    }

    @Test
    void stepsRunInOrderWithTheArgumentsAndEnvironmentPlanned() throws Exception {
        CrossBuild cross = prepare(Map.of("CFLAGS", "-g"));
        assertTrue(cross.configure(log));
        cross.make(log);
        int ready = step("stub cc: ready");
        int site = step("Wrote " + build.resolve("config.site-wasm32-emscripten"));
        int buildPython = step("Build Python: none cached for this source; building it natively in ");
        int configure = step("Running configure because the build directory has not been configured yet");
        int configured = step("configure: done, 1 checks in ");
        int make = step("make: make -j1 all in " + build);
        // The build Python's own make says "make: done" too; the cross build's is the last line.
        int made = info.size() - 1;
        assertTrue(info.get(made).startsWith("make: done, 0 files compiled in "), info.toString());
        assertTrue(ready < site && site < buildPython && buildPython < configure && configure < configured
                && configured < make && make < made, info.toString());
        String python = dir.resolve("tool-cache/build-python").toString();
        assertEquals(1, lines("configure-calls").size());
        String args = lines("configure-calls").get(0);
        assertTrue(args.startsWith("-C --host=wasm32-unknown-emscripten --build=x86_64-pc-linux-gnu"
                + " --with-build-python=" + python), args);
        assertTrue(args.contains(" --with-emscripten-target=browser "), args);
        assertTrue(args.endsWith(" --without-ensurepip"), "the pom's arguments come last: " + args);
        // CFLAGS: the plugin's prefix maps, the toolchain's flag for this release, the toolchain's
        // own CFLAGS, then the pom's; no HOSTRUNNER for the browser.
        String env = lines("configure-env").get(0);
        assertTrue(env.contains("CONFIG_SITE=" + build.resolve("config.site-wasm32-emscripten")), env);
        assertTrue(env.contains("CFLAGS=-ffile-prefix-map=" + build + "=/cpython/build -ffile-prefix-map="
                + source + "=/cpython/src -Wno-stub -O2 -g HOSTRUNNER="), env);
        List<String> makes = lines("make-calls");
        assertEquals(1, makes.size(), makes.toString());
        assertTrue(makes.get(0).startsWith("make all CFLAGS_NODIST=-DDATE=") && makes.get(0).contains("1980"),
                "the build date of the default SOURCE_DATE_EPOCH: " + makes);
    }

    @Test
    void configureIsSkippedWhenTheFingerprintMatchesAndMakeAlwaysRuns() throws Exception {
        prepare(Map.of()).configure(log);
        prepare(Map.of()).make(log);
        info.clear();
        CrossBuild again = prepare(Map.of());
        assertFalse(again.configure(log));
        again.make(log);
        assertEquals(1, lines("configure-calls").size(), "configure ran once");
        assertEquals(2, lines("make-calls").size(), "make ran twice");
        assertTrue(info.contains("configure is up to date (every input matches the fingerprint in "
                + build.resolve(".wasm-configure.fingerprint") + "); not running it"), info.toString());
        assertTrue(info.stream().anyMatch(l -> l.startsWith("Build Python: reusing ")), info.toString());
        assertTrue(info.contains("Site file unchanged: " + build.resolve("config.site-wasm32-emscripten")),
                info.toString());
    }

    @Test
    void aChangedInputRunsConfigureAgainAndSaysWhich() throws Exception {
        prepare(Map.of()).configure(log);
        info.clear();
        assertTrue(prepare(Map.of("CFLAGS", "-g")).configure(log));
        assertEquals(2, lines("configure-calls").size());
        String why = info.get(step("Running configure because "));
        assertTrue(why.startsWith("Running configure because environment CFLAGS changed (was "), why);
    }

    @Test
    void aFailingConfigureNamesCommandDirectoryExitCodeAndTail() throws Exception {
        Files.writeString(record.resolve("fail"), "");
        CrossBuild cross = prepare(Map.of());
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> cross.configure(log));
        assertEquals(3, e.exitCode());
        String m = e.getMessage();
        assertTrue(m.startsWith("configure failed with exit code 3\n  command:   " + source.resolve("configure")
                + " -C --host=wasm32-unknown-emscripten"), m);
        assertTrue(m.contains("\n  directory: " + build + "\n"), m);
        assertTrue(m.contains("end of " + build.resolve("config.log") + ":\n  configure:1: checking the thing\n"
                + "  configure:2: result: it broke"), m);
        assertTrue(m.endsWith("full output: " + build.resolve("configure.log")), m);
        assertFalse(Files.exists(build.resolve(".wasm-configure.fingerprint")), "a failed configure runs again");
    }

    @Test
    void theToolchainsFindingsReachTheSiteFileAndMake() throws Exception {
        toolchain.unavailable.put("_bz2", "no bzip2 here");
        toolchain.missingPorts.add("zlib");
        CrossBuild cross = prepare(Map.of());
        assertEquals(List.of("Turning module _bz2 off: no bzip2 here"), warnings);
        cross.configure(log);
        assertTrue(Files.readString(build.resolve("config.site-wasm32-emscripten"))
                .contains("py_cv_module__bz2='n/a'"));
        cross.make(log);
        assertTrue(info.contains("make: make -j1 -f Makefile -f " + BinasciiWithoutZlibPort.FILE + " all in "
                + build + " (full output: " + build.resolve("make.log") + ")"), info.toString());
        assertTrue(info.stream().anyMatch(l -> l.startsWith("make: binascii is compiled without zlib's crc32")),
                info.toString());
    }
}
