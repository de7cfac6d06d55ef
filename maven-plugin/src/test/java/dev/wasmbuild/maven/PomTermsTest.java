package dev.wasmbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wasmbuild.core.Action;
import dev.wasmbuild.core.Setting;
import org.junit.jupiter.api.Test;

/**
 * The core's references become Maven's terms: a setting its pom element, a step its goal, a
 * command its mvn line, an assignment its user property; nothing else in a message changes.
 */
class PomTermsTest {

    @Test
    void settingReferencesBecomePomElements() {
        assertEquals("set <sourceDirectory> or <sourceArchive>, not both",
                PomTerms.render("set {sourceDirectory} or {sourceArchive}, not both"));
    }

    @Test
    void bracesThatAreNotSettingNamesStay() {
        // Property expressions, numbers, blanks and dotted names are not setting names.
        String text = "${project.basedir} {1} { x } {} {project.build} {_x} f'{VERSION'";
        assertEquals(text, PomTerms.render(text));
    }

    @Test
    void replacementTextIsTakenLiterally() {
        assertEquals("cost $1 for <jobs>", PomTerms.render("cost $1 for {jobs}"));
    }

    @Test
    void onlyTheSettingsTheCoreKnowsBecomeElements() {
        assertEquals("<outputDirectory> and {notASetting}", PomTerms.render(Setting.OUTPUT_DIRECTORY + " and {notASetting}"));
    }

    @Test
    void stepsBecomeGoalsAndCommandsMavenCommandLines() {
        assertEquals("run wasm:build again", PomTerms.render("run " + Action.BUILD + " again"));
        assertEquals("run mvn wasm:build first", PomTerms.render("run " + Action.BUILD.command() + " first"));
        assertEquals("(mvn wasm:build -Dwasm.target=emscripten-browser)",
                PomTerms.render("(" + Action.BUILD.command(Setting.TARGET, "emscripten-browser") + ")"));
        assertEquals("until wasm:serve-stop", PomTerms.render("until " + Action.SERVE_STOP));
    }

    @Test
    void assignmentsBecomeUserProperties() {
        assertEquals("-Dwasm.serve.port=0 / -Dwasm.disable=…",
                PomTerms.render(Setting.PORT.assignment("0") + " / " + Setting.DISABLE.assignment("…")));
    }

    @Test
    void unknownStepsAndSettingsStayAsWritten() {
        String text = "{step:dance} {run:build color=red} {set:colour=red}";
        assertEquals(text, PomTerms.render(text));
    }

    @Test
    void nullStaysNull() {
        assertNull(PomTerms.render(null));
    }

    @Test
    void configurationErrorPutsTheElementFirst() {
        assertEquals("<testTimeout>: -1 is not a number of seconds; see <tests>",
                PomTerms.configurationError(Setting.TEST_TIMEOUT, "-1 is not a number of seconds; see {tests}"));
    }
}
