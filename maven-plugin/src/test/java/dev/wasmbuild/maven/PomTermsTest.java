package dev.wasmbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The core's {name} becomes the pom's <name>; nothing else in a message changes. */
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
    void nullStaysNull() {
        assertNull(PomTerms.render(null));
    }

    @Test
    void configurationErrorPutsTheElementFirst() {
        assertEquals("<testTimeout>: -1 is not a number of seconds; see <tests>",
                PomTerms.configurationError("testTimeout", "-1 is not a number of seconds; see {tests}"));
    }
}
