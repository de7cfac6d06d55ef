package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.crossbuild.HostSettings;
import dev.wasmbuild.core.run.RunnerKind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The three settings of goals that start host programs (toolCache, environmentVariables,
 * runner), read once. Two parameter chains declare them (AbstractToolMojo for toolchain, clean,
 * run and test; AbstractBuildMojo for configure and build) so that config-site and features,
 * which start nothing, do not carry them; what the settings mean is written here only.
 */
record HostTools(Path toolCache, Map<String, String> userEnvironment, String runnerSetting) {

    HostTools {
        userEnvironment = userEnvironment == null ? Map.of() : new TreeMap<>(userEnvironment);
    }

    RunnerKind runner() throws ConfigurationException {
        return RunnerKind.parse(runnerSetting, Setting.RUNNER);
    }

    /** The three settings as a build request holds them. */
    HostSettings settings() throws ConfigurationException {
        return new HostSettings(toolCache, processEnvironment(), userEnvironment, runner());
    }

    /** The environment child processes get: Maven's own, plus environmentVariables. */
    Map<String, String> processEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(userEnvironment);
        return env;
    }
}
