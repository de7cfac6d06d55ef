package dev.wasmbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** What Maven (and mvn wasm:help) learns about the goals from the generated descriptor. */
class PluginDescriptorTest {

    private static Element mojo(String goal) throws Exception {
        for (Element m : PluginDescriptorFile.mojos()) {
            if (PluginDescriptorFile.text(m, "goal").equals(goal)) {
                return m;
            }
        }
        throw new AssertionError("no goal " + goal + " in the descriptor");
    }

    private static boolean readonly(Element parameter) {
        return PluginDescriptorFile.text(parameter, "editable").equals("false");
    }

    private static Set<String> settable(Element mojo) {
        Set<String> names = new TreeSet<>();
        PluginDescriptorFile.parameters(mojo).forEach((name, p) -> {
            if (!readonly(p)) {
                names.add(name);
            }
        });
        return names;
    }

    @Test
    void serveHasOnlyTheServingParameters() throws Exception {
        // Goals declare only what they use: serve needs no target, source or toolchain settings.
        assertEquals(new TreeSet<>(List.of("port", "serveDirectory", "skip", "skipServe", "xtermDirectory")),
                settable(mojo("serve")));
    }

    @Test
    void siteFileGoalsHaveOnlyTheSiteParameters() throws Exception {
        // config-site and features start no program: no tool cache, environment or runner.
        Set<String> site = new TreeSet<>(List.of("cacheVariables", "disable", "disableModules", "enable",
                "outputDirectory", "pythonVersion", "skip", "sourceArchive", "sourceArchiveSha256",
                "sourceDirectory", "target", "template"));
        Set<String> configSite = new TreeSet<>(site);
        configSite.add("skipConfigSite");
        assertEquals(configSite, settable(mojo("config-site")));
        assertEquals(site, settable(mojo("features")));
    }

    @Test
    void hostProgramSettingsBelongToTheGoalsThatStartPrograms() throws Exception {
        for (Element m : PluginDescriptorFile.mojos()) {
            String goal = PluginDescriptorFile.text(m, "goal");
            boolean starts = Set.of("configure", "build", "run", "test", "toolchain", "clean").contains(goal);
            Set<String> names = PluginDescriptorFile.parameters(m).keySet();
            for (String tool : List.of("toolCache", "environmentVariables", "runner")) {
                assertEquals(starts, names.contains(tool), goal + " and " + tool);
            }
        }
    }

    @Test
    void hostProgramSettingsAreDeclaredAlikeInEveryGoal() throws Exception {
        // AbstractToolMojo and AbstractBuildMojo both declare them (one superclass per mojo, and
        // Maven injects into fields): this keeps the two declarations from drifting apart.
        for (String tool : List.of("toolCache", "environmentVariables", "runner")) {
            String first = null;
            String firstGoal = null;
            for (Element m : PluginDescriptorFile.mojos()) {
                Element p = PluginDescriptorFile.parameters(m).get(tool);
                if (p == null) {
                    continue;
                }
                String goal = PluginDescriptorFile.text(m, "goal");
                String declared = PluginDescriptorFile.text(p, "type") + " | " + PluginDescriptorFile.text(p, "description")
                        + " | " + configuration(m, tool);
                if (first == null) {
                    first = declared;
                    firstGoal = goal;
                } else {
                    assertEquals(first, declared, tool + " of " + goal + " differs from " + tool + " of " + firstGoal);
                }
            }
            assertTrue(first != null, tool + " is in no goal");
        }
    }

    /** The expression and default Maven uses for a parameter ({@code <configuration><name>}). */
    private static String configuration(Element mojo, String name) {
        Element configuration = PluginDescriptorFile.child(mojo, "configuration");
        Element value = configuration == null ? null : PluginDescriptorFile.child(configuration, name);
        return value == null ? "" : value.getTextContent().trim() + " default=" + value.getAttribute("default-value");
    }

    @Test
    void goalsThatWriteNoSiteFileHaveNoSiteParameters() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String goal : List.of("run", "test", "jar", "clean")) {
            Set<String> names = PluginDescriptorFile.parameters(mojo(goal)).keySet();
            for (String site : List.of("disable", "enable", "disableModules", "cacheVariables", "template",
                    "pythonVersion")) {
                if (names.contains(site)) {
                    wrong.add(goal + " has " + site);
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.toString());
    }

    @Test
    void everyGoalIsThreadSafe() throws Exception {
        List<String> unsafe = new ArrayList<>();
        for (Element m : PluginDescriptorFile.mojos()) {
            if (!PluginDescriptorFile.text(m, "threadSafe").equals("true")) {
                unsafe.add(PluginDescriptorFile.text(m, "goal"));
            }
        }
        assertTrue(unsafe.isEmpty(), "goals not marked threadSafe (mvn -T warns about them): " + unsafe);
    }

    @Test
    void everySettableParameterHasADescription() throws Exception {
        List<String> bare = new ArrayList<>();
        int checked = 0;
        for (Element m : PluginDescriptorFile.mojos()) {
            for (Map.Entry<String, Element> p : PluginDescriptorFile.parameters(m).entrySet()) {
                if (!readonly(p.getValue())) {
                    checked++;
                    if (PluginDescriptorFile.text(p.getValue(), "description").isEmpty()) {
                        bare.add(PluginDescriptorFile.text(m, "goal") + "." + p.getKey());
                    }
                }
            }
        }
        assertTrue(checked > 50, "only " + checked + " parameters found; is the descriptor complete?");
        assertTrue(bare.isEmpty(), "parameters without a description (mvn wasm:help shows nothing for them): " + bare);
    }

    @Test
    void readOnlyParametersAreOnlyWhatMavenInjects() throws Exception {
        for (Element m : PluginDescriptorFile.mojos()) {
            Set<String> injected = new TreeSet<>();
            PluginDescriptorFile.parameters(m).forEach((name, p) -> {
                if (readonly(p)) {
                    injected.add(name);
                }
            });
            String goal = PluginDescriptorFile.text(m, "goal");
            if (!goal.equals("help")) {
                // build and jar also read Maven's reproducible-builds time, project.build.outputTimestamp.
                // config-site also reads the session, to tell two modules writing one file apart.
                Set<String> expected = goal.equals("build") || goal.equals("jar")
                        ? Set.of("execution", "outputTimestamp", "plugin", "project")
                        : goal.equals("config-site") ? Set.of("execution", "plugin", "project", "session")
                        : Set.of("execution", "plugin", "project");
                assertEquals(expected, injected, goal);
            }
        }
    }

    @Test
    void pomLessGoalsDoNotRequireAProject() throws Exception {
        // config-site, features, serve and toolchain are meant to run in an empty directory.
        for (String goal : List.of("config-site", "features", "serve", "toolchain")) {
            assertEquals("false", PluginDescriptorFile.text(mojo(goal), "requiresProject"), goal);
        }
        assertFalse(PluginDescriptorFile.text(mojo("build"), "requiresProject").equals("false"));
    }
}
