package dev.wasmbuild.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's list of feature ids is written by hand; this keeps it from drifting from the catalogue. */
class ReadmeFeatureListTest {
    private static final String HEAD = "Features (ids to use in `<disable>` / `<enable>`):";

    @Test
    void readmeListsExactlyTheCataloguesFeaturesInItsOrder() throws Exception {
        // Surefire runs in core/; the README is the repository's.
        Path readme = Path.of("..", "README.md");
        assertTrue(Files.isRegularFile(readme), "no README.md at " + readme.toAbsolutePath());
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(HEAD);
        assertTrue(start >= 0, "README.md has no line starting '" + HEAD + "'");
        // The list runs to the first full stop after the heading.
        String list = text.substring(start + HEAD.length(), text.indexOf('.', start + HEAD.length()));
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(list);
        while (m.find()) {
            ids.add(m.group(1));
        }
        List<String> catalogue = CatalogueLoader.loadBundled().features().stream().map(Feature::id).toList();
        assertEquals(catalogue, ids, "README.md's feature list against templates/features.yaml");
    }
}
