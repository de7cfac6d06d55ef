package dev.wasmbuild.core.toolchain;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {compilerLauncher} setting (ccache, sccache, distcc). It ends up as the first word of CC
 * and CXX, which make hands to /bin/sh, and of EM_COMPILER_WRAPPER, which emcc splits into
 * words: a space, quote or shell metacharacter in it would be parsed there, not passed on. So
 * only one plain word is accepted, and it must name an executable that exists.
 */
final class CompilerLauncher {
    /** Characters with no meaning to the shell or to word splitting ('=' would make it an assignment). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.+@%,:/-]+");
    private static final String VALID = "use the name of an executable on PATH (ccache, sccache, distcc) or the"
            + " absolute path of one, made only of letters, digits and _ . + @ % , : / -";

    private CompilerLauncher() {
    }

    /**
     * @param launcher the setting as given; null or blank means none
     * @param env the environment whose PATH make and configure will search
     * @return the word to put in front of the compiler, or null for none
     */
    static String check(String launcher, Map<String, String> env) throws ConfigurationException {
        if (launcher == null || launcher.isBlank()) {
            return null;
        }
        String word = launcher.strip();
        if (!PLAIN.matcher(word).matches()) {
            throw new ConfigurationException(Setting.COMPILER_LAUNCHER, "'" + launcher + "' is not one plain word: it"
                    + " becomes part of CC, which make runs through the shell, so spaces, quotes and characters"
                    + " such as $ ; & | < > ` * ? = are not allowed; " + VALID
                    + " (flags for the launcher belong in its own configuration, e.g. CCACHE_* variables)");
        }
        if (word.startsWith("/")) {
            Path p = Path.of(word);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new ConfigurationException(Setting.COMPILER_LAUNCHER, word + " is not an executable file; " + VALID);
            }
            return word;
        }
        if (word.contains("/") || word.startsWith("-")) {
            throw new ConfigurationException(Setting.COMPILER_LAUNCHER, "'" + word + "' is neither a program name nor an"
                    + " absolute path (a relative path would depend on the directory make runs in); " + VALID);
        }
        if (Executables.onPath(word, env).isEmpty()) {
            throw new ConfigurationException(Setting.COMPILER_LAUNCHER, word + " is not on PATH ("
                    + env.getOrDefault("PATH", "") + "); install it (e.g. apt-get install " + word
                    + ") or " + VALID);
        }
        return word;
    }
}
