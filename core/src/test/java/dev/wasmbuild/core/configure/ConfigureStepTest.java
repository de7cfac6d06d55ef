package dev.wasmbuild.core.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.core.process.ProcessFailedException;
import dev.wasmbuild.core.process.StepLog;
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
 * When configure runs and what it leaves behind, driven with a stand-in configure script (a real
 * process, like CPython's) that writes Makefile, config.status and config.cache into the build
 * directory and counts its runs.
 */
class ConfigureStepTest {
    /** Fails when the source has a file named "fail"; notes a config.cache it finds at start. */
    private static final String FAKE_CONFIGURE = """
            #!/bin/sh
            src=$(dirname "$0")
            echo run >> "$src/runs"
            [ -e config.cache ] && echo "stale config.cache seen" >> "$src/runs"
            echo "checking for a stand-in... yes"
            echo "CONFIG_SITE=$CONFIG_SITE args=$*" > "$src/last-call"
            if [ -e "$src/fail" ]; then
              printf 'configure:1: checking the thing\\nconfigure:2: result: it broke\\n' > config.log
              echo "configure: error: it broke" >&2
              exit 1
            fi
            echo fresh > config.cache
            echo all: > Makefile
            echo '#!/bin/sh' > config.status
            """;
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C");

    @TempDir
    Path dir;
    Path source;
    Path build;
    Path site;
    final List<String> info = new ArrayList<>();
    StepLog log;

    @BeforeEach
    void sourceWithAFakeConfigure() throws Exception {
        source = Files.createDirectories(dir.resolve("src"));
        Path configure = source.resolve("configure");
        Files.writeString(configure, FAKE_CONFIGURE);
        Files.setPosixFilePermissions(configure, PosixFilePermissions.fromString("rwxr-xr-x"));
        build = dir.resolve("build");
        site = dir.resolve("config.site");
        Files.writeString(site, "ac_cv_func_dup3=no\n");
        log = new StepLog(info::add, info::add, line -> { });
    }

    private ConfigureStep.Inputs inputs(List<String> arguments) {
        return new ConfigureStep.Inputs(source, build, site, List.of(), arguments, Map.of("CFLAGS", "-O2"),
                "clang 14", "1.0");
    }

    private int runs() throws Exception {
        return (int) Files.readAllLines(source.resolve("runs")).stream().filter("run"::equals).count();
    }

    @Test
    void firstRunConfiguresAndWritesTheFingerprint() throws Exception {
        assertTrue(ConfigureStep.run(inputs(List.of("--host=wasm32-wasi")), ENV, log));
        assertEquals(1, runs());
        assertTrue(info.contains("Running configure because the build directory has not been configured yet"), info.toString());
        assertTrue(Files.isRegularFile(build.resolve(ConfigureStep.FINGERPRINT)));
        // configure gets -C, the arguments and the site file.
        assertEquals("CONFIG_SITE=" + site + " args=-C --host=wasm32-wasi",
                Files.readString(source.resolve("last-call")).trim());
        assertTrue(Files.readString(build.resolve("configure.log")).contains("checking for a stand-in"));
    }

    @Test
    void sameInputsWithMakefileAndConfigStatusSkipConfigure() throws Exception {
        ConfigureStep.run(inputs(List.of()), ENV, log);
        info.clear();
        assertFalse(ConfigureStep.run(inputs(List.of()), ENV, log));
        assertEquals(1, runs());
        assertTrue(info.get(0).startsWith("configure is up to date"), info.toString());
    }

    @Test
    void changedArgumentsRerunSayWhyAndDropTheOldConfigCache() throws Exception {
        ConfigureStep.run(inputs(List.of()), ENV, log);
        Files.writeString(build.resolve("config.cache"), "stale\n");
        info.clear();
        assertTrue(ConfigureStep.run(inputs(List.of("--with-pydebug")), ENV, log));
        assertEquals(2, runs());
        assertTrue(info.contains("Running configure because configure arguments changed (was , now --with-pydebug)"),
                info.toString());
        // A cached "no" from the earlier run must not reach the new one.
        assertFalse(Files.readString(source.resolve("runs")).contains("stale config.cache seen"));
    }

    @Test
    void aChangedSiteFileReruns() throws Exception {
        ConfigureStep.run(inputs(List.of()), ENV, log);
        Files.writeString(site, "ac_cv_func_dup3=yes\n");
        info.clear();
        assertTrue(ConfigureStep.run(inputs(List.of()), ENV, log));
        assertTrue(info.stream().anyMatch(l -> l.startsWith("Running configure because site file changed")), info.toString());
    }

    @Test
    void aMissingMakefileRerunsEvenWithAMatchingFingerprint() throws Exception {
        ConfigureStep.run(inputs(List.of()), ENV, log);
        Files.delete(build.resolve("Makefile"));
        info.clear();
        assertTrue(ConfigureStep.run(inputs(List.of()), ENV, log));
        assertTrue(info.contains("Running configure because the Makefile from the last configure is missing"),
                info.toString());
    }

    @Test
    void aMissingConfigStatusReruns() throws Exception {
        ConfigureStep.run(inputs(List.of()), ENV, log);
        Files.delete(build.resolve("config.status"));
        assertTrue(ConfigureStep.run(inputs(List.of()), ENV, log));
        assertEquals(2, runs());
    }

    @Test
    void aFailedRunLeavesNoFingerprintSoTheNextRunConfiguresAgain() throws Exception {
        ConfigureStep.run(inputs(List.of()), ENV, log);
        Files.writeString(source.resolve("fail"), "");
        ProcessFailedException e = assertThrows(ProcessFailedException.class,
                () -> ConfigureStep.run(inputs(List.of("--changed")), ENV, log));
        assertEquals(1, e.exitCode());
        // The failure shows the end of config.log, where configure says what it was doing.
        assertTrue(e.getMessage().contains("configure:2: result: it broke"), e.getMessage());
        assertFalse(Files.exists(build.resolve(ConfigureStep.FINGERPRINT)));
        // Makefile and config.status of the earlier success are still there, yet it must run again.
        Files.delete(source.resolve("fail"));
        info.clear();
        assertTrue(ConfigureStep.run(inputs(List.of("--changed")), ENV, log));
        assertTrue(info.contains("Running configure because the build directory has not been configured yet"),
                info.toString());
        assertEquals(3, runs());
    }

    @Test
    void configLogTailStopsBeforeTheCacheVariablesSection() throws Exception {
        Path configLog = dir.resolve("config.log");
        Files.writeString(configLog, "configure:10: checking for dup3\nconfigure:11: result: no\n"
                + "## ---------------- ##\n## Cache variables. ##\nac_cv_func_dup3=no\n");
        String tail = ConfigureStep.configLogTail(configLog);
        assertTrue(tail.endsWith("configure:11: result: no"), tail);
        assertFalse(tail.contains("ac_cv_func_dup3"), tail);
    }

    @Test
    void configLogTailSaysWhenThereIsNone() {
        assertTrue(ConfigureStep.configLogTail(dir.resolve("nothing")).startsWith("(no config.log: "));
    }
}
