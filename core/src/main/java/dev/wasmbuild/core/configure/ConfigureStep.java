package dev.wasmbuild.core.configure;

import dev.wasmbuild.core.FileErrors;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.io.Hashing;
import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.LongStep;
import dev.wasmbuild.core.process.StepLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs CPython's configure out of tree with the generated site file, unless a fingerprint of
 * every input shows the build directory is already configured for exactly these inputs.
 */
public final class ConfigureStep {
    static final String FINGERPRINT = ".wasm-configure.fingerprint";
    private static final String SITE_FILE = "site file";

    /** Everything that decides a configure run. */
    public record Inputs(
            Path source,
            Path buildDirectory,
            Path siteFile,
            List<String> wrapper,
            List<String> arguments,
            Map<String, String> addedEnvironment,
            String toolchainIdentity,
            String pluginVersion) {
    }

    /** @return whether configure ran */
    public static boolean run(Inputs in, Map<String, String> baseEnvironment, StepLog log)
            throws WasmBuildException, InterruptedException {
        Fingerprint fp = fingerprint(in);
        Path fpFile = in.buildDirectory().resolve(FINGERPRINT);
        Optional<Map<String, String>> stored = Fingerprint.read(fpFile);
        Optional<String> reason = fp.differenceFrom(stored);
        if (reason.isEmpty() && Files.isRegularFile(in.buildDirectory().resolve("Makefile"))
                && Files.isRegularFile(in.buildDirectory().resolve("config.status"))) {
            log.info().accept("configure is up to date (every input matches the fingerprint in " + fpFile
                    + "); not running it");
            return false;
        }
        String why = reason.orElse("the Makefile from the last configure is missing");
        log.info().accept("Running configure because " + why);
        boolean keepCache = false;
        UnchangedOutputs outputs = null;
        if (reason.isPresent() && stored.isPresent() && fp.changedInputs(stored.get()).equals(List.of(SITE_FILE))
                && Files.isRegularFile(in.buildDirectory().resolve("config.status"))) {
            SiteFlip.Outcome flip = SiteFlip.keepCache(in.source(), in.buildDirectory(), in.siteFile());
            keepCache = flip.kept();
            outputs = keepCache ? snapshot(in.buildDirectory()) : null;
            log.info().accept(flip.kept() ? flip.message()
                    : "configuring from scratch: the site file cannot be followed into config.cache, since "
                            + flip.message());
        }
        try {
            Files.createDirectories(in.buildDirectory());
            // Written only after success: an interrupted configure must run again next time.
            Files.deleteIfExists(fpFile);
            if (!keepCache) {
                // A cached "no" from an earlier run would survive a feature being enabled again.
                Files.deleteIfExists(in.buildDirectory().resolve("config.cache"));
            }
        } catch (IOException e) {
            throw WasmBuildException.io("cannot prepare " + in.buildDirectory(), Setting.OUTPUT_DIRECTORY, e);
        }
        List<String> cmd = new ArrayList<>(in.wrapper());
        cmd.add(in.source().resolve("configure").toString());
        cmd.add("-C");
        cmd.addAll(in.arguments());
        Map<String, String> env = new TreeMap<>(baseEnvironment);
        env.putAll(in.addedEnvironment());
        env.put("CONFIG_SITE", in.siteFile().toString());
        log.info().accept("configure: CONFIG_SITE=" + in.siteFile() + " " + String.join(" ", cmd));
        Path logFile = in.buildDirectory().resolve("configure.log");
        // configure's own last lines say little; config.log says what it was testing when it gave up.
        LongStep.counting("configure", "checks", line -> line.startsWith("checking ") ? line : null)
                .run(new Command(cmd, in.buildDirectory(), env), logFile, Setting.OUTPUT_DIRECTORY, log,
                        tail -> configLogTail(in.buildDirectory().resolve("config.log")) + "\nfull output: "
                                + logFile);
        try {
            if (outputs != null) {
                log.info().accept("configure: " + outputs.restore() + " generated files came out unchanged and keep"
                        + " their time stamps, so make does not rebuild what depends on them");
            }
            SiteFlip.remember(in.siteFile(), in.buildDirectory());
            fp.write(fpFile);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot write " + fpFile, Setting.OUTPUT_DIRECTORY, e);
        }
        return true;
    }

    private static UnchangedOutputs snapshot(Path buildDirectory) throws WasmBuildException {
        try {
            return UnchangedOutputs.snapshot(buildDirectory);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot read the generated files in " + buildDirectory, Setting.OUTPUT_DIRECTORY, e);
        }
    }

    static Fingerprint fingerprint(Inputs in) throws WasmBuildException {
        try {
            Fingerprint fp = new Fingerprint()
                    .put("plugin version", in.pluginVersion())
                    .put("configure script", Hashing.file(in.source().resolve("configure")))
                    .put("source directory", in.source().toString())
                    .put(SITE_FILE, Hashing.file(in.siteFile()))
                    .put("configure arguments", String.join(" ", in.arguments()))
                    .put("configure wrapper", String.join(" ", in.wrapper()))
                    .put("toolchain", in.toolchainIdentity());
            new TreeMap<>(in.addedEnvironment()).forEach((k, v) -> fp.put("environment " + k, v));
            return fp;
        } catch (IOException e) {
            throw WasmBuildException.io("cannot fingerprint the configure inputs", e);
        }
    }

    /** The end of config.log is where configure says what it was testing when it gave up. */
    static String configLogTail(Path configLog) {
        try {
            List<String> lines = Files.readAllLines(configLog, StandardCharsets.ISO_8859_1);
            int end = lines.size();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("## ---------------- ##") && i + 1 < lines.size()
                        && lines.get(i + 1).startsWith("## Cache variables")) {
                    end = i;
                    break;
                }
            }
            List<String> tail = lines.subList(Math.max(0, end - 25), end);
            return "end of " + configLog + ":\n  " + String.join("\n  ", tail);
        } catch (IOException e) {
            return "(no config.log: " + FileErrors.describe(e) + ")";
        }
    }
}
