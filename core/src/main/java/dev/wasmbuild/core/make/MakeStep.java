package dev.wasmbuild.core.make;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.process.Command;
import dev.wasmbuild.core.process.LongStep;
import dev.wasmbuild.core.process.StepLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * make (under emmake for Emscripten), always run since make is incremental itself. The full
 * output goes to make.log; the Maven log gets a progress line every few seconds instead.
 */
public final class MakeStep {
    private static final Pattern COMPILE = Pattern.compile("\\s-c\\s");
    private static final Pattern OBJECT = Pattern.compile("\\s-o\\s+(\\S+\\.o)(\\s|$)");
    private static final Pattern FAILURE = Pattern.compile("(make(\\[\\d+\\])?: \\*\\*\\*|error:|Error \\d+)");

    private MakeStep() {
    }

    /**
     * @param directorySetting the setting {@code buildDirectory} comes from (outputDirectory for
     *     a cross build, toolCache for the build Python), named when make.log cannot be written
     */
    public static void run(Path buildDirectory, Setting directorySetting, List<String> wrapper, int jobs,
            List<String> targets, Map<String, String> environment, StepLog log)
            throws WasmBuildException, InterruptedException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add("make");
        cmd.add("-j" + jobs);
        cmd.addAll(targets);
        Path logFile = buildDirectory.resolve("make.log");
        log.info().accept("make: " + String.join(" ", cmd) + " in " + buildDirectory + " (full output: " + logFile + ")");
        LongStep.counting("make", "files compiled", MakeStep::compiledObject)
                .run(new Command(cmd, buildDirectory, new TreeMap<>(environment)), logFile, directorySetting, log,
                        tail -> failureLines(tail) + "\nfull output: " + logFile);
    }

    /** The object file a compiler line makes ("-c … -o Python/ceval.o"), or null for any other line. */
    static String compiledObject(String line) {
        Matcher object = OBJECT.matcher(line);
        return COMPILE.matcher(line).find() && object.find() ? object.group(1) : null;
    }

    /** The lines that say what failed, and the ones just before them for context. */
    static String failureLines(List<String> tail) {
        int first = -1;
        for (int i = 0; i < tail.size(); i++) {
            if (FAILURE.matcher(tail.get(i)).find()) {
                first = i;
                break;
            }
        }
        List<String> shown = first < 0 ? tail : tail.subList(Math.max(0, first - 8), tail.size());
        return "last output:\n  " + String.join("\n  ", shown);
    }
}
