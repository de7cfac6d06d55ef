package dev.wasmbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * wasm.skip and each goal's own skip switch: one log line "Skipping wasm:<goal>: <reason>" and
 * the goal's work is not started. Each goal is a subclass whose run() only counts, so a skip
 * that let the goal run would show.
 */
class SkipTest {
    static final AtomicInteger RUNS = new AtomicInteger();

    /** Every goal of the plugin (help aside), as a mojo whose run() only counts. */
    static final Map<String, Supplier<AbstractWasmMojo>> GOALS = new TreeMap<>(Map.ofEntries(
            Map.entry("build", () -> new BuildMojo() { @Override protected void run() { RUNS.incrementAndGet(); } }),
            Map.entry("clean", () -> new CleanMojo() { @Override protected void run() { RUNS.incrementAndGet(); } }),
            Map.entry("config-site", () -> new ConfigSiteMojo() {
                @Override protected void run() { RUNS.incrementAndGet(); } }),
            Map.entry("configure", () -> new ConfigureMojo() {
                @Override protected void run() { RUNS.incrementAndGet(); } }),
            Map.entry("features", () -> new FeaturesMojo() { @Override protected void run() { RUNS.incrementAndGet(); } }),
            Map.entry("jar", () -> new JarMojo() { @Override protected void run() { RUNS.incrementAndGet(); } }),
            Map.entry("run", () -> new RunMojo() { @Override protected void run() { RUNS.incrementAndGet(); } }),
            Map.entry("serve", () -> new ServeMojo() { @Override protected void run() { RUNS.incrementAndGet(); } }),
            Map.entry("serve-start", () -> new ServeStartMojo() {
                @Override protected void run() { RUNS.incrementAndGet(); } }),
            Map.entry("serve-stop", () -> new ServeStopMojo() {
                @Override protected void run() { RUNS.incrementAndGet(); } }),
            Map.entry("test", () -> new TestMojo() { @Override protected void run() { RUNS.incrementAndGet(); } }),
            Map.entry("toolchain", () -> new ToolchainMojo() {
                @Override protected void run() { RUNS.incrementAndGet(); } })));

    /** Each goal's own switches: field, and the reason its log line gives. */
    static Stream<Arguments> ownSkips() {
        return Stream.of(
                Arguments.of("build", "skipBuild", "wasm.build.skip is set"),
                Arguments.of("config-site", "skipConfigSite", "wasm.configSite.skip is set"),
                Arguments.of("configure", "skipConfigure", "wasm.configure.skip is set"),
                Arguments.of("jar", "skipJar", "wasm.jar.skip is set"),
                Arguments.of("serve", "skipServe", "wasm.serve.skip is set"),
                Arguments.of("serve-start", "skipServeStart", "wasm.serveStart.skip is set"),
                Arguments.of("serve-stop", "skipServeStop", "wasm.serveStop.skip is set"),
                Arguments.of("test", "skipTests", "skipTests is set"),
                Arguments.of("test", "skipWasmTests", "wasm.test.skip is set"));
    }

    private static AbstractWasmMojo goal(String name, RecordingLog log) {
        RUNS.set(0);
        return Mojos.prepared(GOALS.get(name).get(), name, log);
    }

    static Stream<String> goals() {
        return GOALS.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("goals")
    void wasmSkipSkipsEveryGoal(String name) throws Exception {
        RecordingLog log = new RecordingLog();
        Mojos.set(goal(name, log), "skip", true).execute();
        assertEquals(List.of("INFO Skipping wasm:" + name + ": wasm.skip is set"), log.lines);
        assertEquals(0, RUNS.get());
    }

    @ParameterizedTest
    @MethodSource("ownSkips")
    void eachGoalsOwnSwitchSkipsIt(String name, String field, String reason) throws Exception {
        RecordingLog log = new RecordingLog();
        Mojos.set(goal(name, log), field, true).execute();
        assertEquals(List.of("INFO Skipping wasm:" + name + ": " + reason), log.lines);
        assertEquals(0, RUNS.get());
    }

    @ParameterizedTest
    @MethodSource("goals")
    void withoutASkipSwitchTheGoalRuns(String name) throws Exception {
        RecordingLog log = new RecordingLog();
        goal(name, log).execute();
        assertEquals(1, RUNS.get());
        assertEquals(List.of(), log.lines);
    }

    @Test
    void theTablesCoverEveryGoalAndSkipSwitchOfTheDescriptor() throws Exception {
        // A new goal or skip parameter has to be added here, or this fails.
        TreeSet<String> goals = new TreeSet<>();
        List<String> switches = new ArrayList<>();
        for (Element mojo : PluginDescriptorFile.mojos()) {
            String goal = PluginDescriptorFile.text(mojo, "goal");
            if (goal.equals("help")) {
                continue;
            }
            goals.add(goal);
            for (String p : PluginDescriptorFile.parameters(mojo).keySet()) {
                if (p.startsWith("skip") && !p.equals("skip")) {
                    switches.add(goal + " " + p);
                }
            }
        }
        assertEquals(goals, new TreeSet<>(GOALS.keySet()));
        List<String> covered = ownSkips().map(a -> a.get()[0] + " " + a.get()[1]).sorted().toList();
        assertEquals(switches.stream().sorted().toList(), covered);
        assertTrue(!covered.isEmpty());
    }
}
