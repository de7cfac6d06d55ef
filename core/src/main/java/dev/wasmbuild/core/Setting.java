package dev.wasmbuild.core;

/**
 * The settings a user gives the build, by their neutral names (the Maven plugin's parameter
 * names, which a pom writes as elements). The core names a setting only through this type: a
 * {@link ConfigurationException} carries the one at fault, and a message that points at another
 * setting concatenates the constant, whose text form {@code {name}} each front end renders in
 * its own terms (the Maven plugin as {@code <name>}).
 */
public enum Setting {
    TARGET,
    OUTPUT_DIRECTORY,
    BUILD_DIRECTORY,
    SOURCE_DIRECTORY,
    SOURCE_ARCHIVE,
    SOURCE_ARCHIVE_SHA256("sourceArchiveSha256"),
    PYTHON_VERSION,
    DISABLE,
    ENABLE,
    DISABLE_MODULES,
    CACHE_VARIABLES,
    TEMPLATE,
    DYNAMIC_LINKING,
    PTHREADS,
    DEBUG,
    CONFIGURE_ARGUMENTS,
    JOBS,
    COMPILER_LAUNCHER,
    ZLIB_SOURCE,
    BZIP2_SOURCE("bzip2Source"),
    TOOL_CACHE,
    ENVIRONMENT_VARIABLES,
    RUNNER,
    BUILD_PYTHON,
    FINAL_NAME,
    /** Maven's own property, which the jar and zip entries take their time from. */
    OUTPUT_TIMESTAMP("project.build.outputTimestamp"),
    PREINITIALIZE,
    ATTACH,
    ARGS,
    ARGUMENT_LINE,
    TESTS,
    IGNORE_TESTS,
    TEST_TIMEOUT,
    REPORTS_DIRECTORY,
    SERVE_DIRECTORY,
    PORT,
    XTERM_DIRECTORY;

    private final String neutralName;

    Setting() {
        this.neutralName = camelCase(name());
    }

    Setting(String neutralName) {
        this.neutralName = neutralName;
    }

    /** The setting's name as the user writes it, e.g. {@code outputDirectory}. */
    public String neutralName() {
        return neutralName;
    }

    /** The setting of a neutral name, e.g. {@code outputDirectory}. */
    public static Setting named(String neutralName) {
        for (Setting s : values()) {
            if (s.neutralName.equals(neutralName)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no setting named " + neutralName);
    }

    /**
     * The reference a message embeds, {@code {outputDirectory}}: the neutral spelling, and the
     * one mark a front end replaces (only for the names this type knows).
     */
    @Override
    public String toString() {
        return "{" + neutralName + "}";
    }

    /**
     * The setting given a value on a command line, {@code {set:port=0}}; the Maven plugin
     * renders it as the user property, {@code -Dwasm.serve.port=0}.
     */
    public String assignment(String value) {
        return "{set:" + neutralName + "=" + value + "}";
    }

    private static String camelCase(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? c : Character.toLowerCase(c));
                upper = false;
            }
        }
        return out.toString();
    }
}
