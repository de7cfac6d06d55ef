package dev.wasmbuild.core.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheDependenciesTest {
    /** A configure body in autoconf's own shapes: a header check, a check that reads its macro, one run only under another's answer, a loop. */
    private static final String SCRIPT = String.join("\n",
            "ac_includes_default=\"\\",
            "#ifdef HAVE_STDINT_H",
            "# include <stdint.h>",
            "#endif\"",
            "## Main body of script. ##",
            "{ $as_echo \"$as_me:${as_lineno-$LINENO}: checking for foo.h\" >&5",
            "if ${ac_cv_header_foo_h+:} false; then :",
            "  $as_echo_n \"(cached) \" >&6",
            "else",
            "  ac_cv_header_foo_h=no",
            "fi",
            "if test \"x$ac_cv_header_foo_h\" = xyes; then :",
            "$as_echo \"#define HAVE_FOO_H 1\" >>confdefs.h",
            "fi",
            "",
            "{ $as_echo \"$as_me:${as_lineno-$LINENO}: checking for foo\" >&5",
            "if ${ac_cv_func_foo+:} false; then :",
            "  $as_echo_n \"(cached) \" >&6",
            "else",
            "  cat confdefs.h - <<_ACEOF >conftest.$ac_ext",
            "#ifdef HAVE_FOO_H",
            "#include <foo.h>",
            "#endif",
            "_ACEOF",
            "  ac_cv_func_foo=yes",
            "fi",
            "",
            "if test \"$ac_cv_func_bar\" = yes; then",
            "{ $as_echo \"$as_me:${as_lineno-$LINENO}: checking for baz\" >&5",
            "if ${ac_cv_func_baz+:} false; then :",
            "  $as_echo_n \"(cached) \" >&6",
            "else",
            "  ac_cv_func_baz=yes",
            "fi",
            "fi",
            "",
            "for ac_func in one two three",
            "do :",
            "  as_ac_var=`$as_echo \"ac_cv_func_$ac_func\" | $as_tr_sh`",
            "ac_fn_c_check_func \"$LINENO\" \"$ac_func\" \"$as_ac_var\"",
            "if eval test \\\"x\\$\"$as_ac_var\"\\\" = x\"yes\"; then :",
            "  cat >>confdefs.h <<_ACEOF",
            "#define `$as_echo \"HAVE_$ac_func\" | $as_tr_cpp` 1",
            "_ACEOF",
            "fi",
            "done",
            "",
            "{ $as_echo \"$as_me:${as_lineno-$LINENO}: checking for uses_two\" >&5",
            "if ${ac_cv_uses_two+:} false; then :",
            "  $as_echo_n \"(cached) \" >&6",
            "else",
            "  cat confdefs.h - <<_ACEOF >conftest.$ac_ext",
            "#if defined(HAVE_TWO)",
            "_ACEOF",
            "  ac_cv_uses_two=yes",
            "fi",
            "",
            "{ $as_echo \"$as_me:${as_lineno-$LINENO}: checking for defaults\" >&5",
            "if ${ac_cv_defaults+:} false; then :",
            "  $as_echo_n \"(cached) \" >&6",
            "else",
            "  ac_fn_c_check_type \"$LINENO\" \"x_t\" \"ac_cv_defaults\" \"$ac_includes_default\"",
            "fi",
            "",
            "cat >confcache <<\\_ACEOF",
            "");

    private static Set<String> affected(String script, String... changed) {
        CacheDependencies.Answer a = CacheDependencies.of(script).orElseThrow().affectedBy(Set.of(changed));
        assertEquals(null, a.unknown());
        return a.affected();
    }

    @Test
    void followsMacrosConditionsAndLoopItems() {
        assertEquals(Set.of("ac_cv_header_foo_h", "ac_cv_func_foo"), affected(SCRIPT, "ac_cv_header_foo_h"));
        assertEquals(Set.of("ac_cv_func_foo"), affected(SCRIPT, "ac_cv_func_foo"));
        // baz is checked only while bar is "yes": its cached answer must not outlive a change of bar.
        assertEquals(Set.of("ac_cv_func_bar", "ac_cv_func_baz"), affected(SCRIPT, "ac_cv_func_bar"));
        // One loop item does not drag the others along, but what reads its macro goes with it.
        assertEquals(Set.of("ac_cv_func_two", "ac_cv_uses_two"), affected(SCRIPT, "ac_cv_func_two"));
        assertEquals(Set.of("ac_cv_func_one"), affected(SCRIPT, "ac_cv_func_one"));
        // autoconf's default includes read HAVE_STDINT_H.
        assertEquals(Set.of("ac_cv_defaults", "STDINT_PROBE"), affected(SCRIPT.replace(
                "## Main body of script. ##", "## Main body of script. ##\nSTDINT_PROBE=1\nif test \"$STDINT_PROBE\"; then :\n"
                        + "$as_echo \"#define HAVE_STDINT_H 1\" >>confdefs.h\nfi\n"), "STDINT_PROBE"));
    }

    @Test
    void compilerFlagsAndUnbalancedScriptsAreUnknown() {
        String flags = SCRIPT.replace("  ac_cv_header_foo_h=no", "  ac_cv_header_foo_h=no\n  LIBS=\"-lfoo $LIBS\"");
        assertFalse(CacheDependencies.of(flags).orElseThrow().affectedBy(Set.of("ac_cv_header_foo_h")).known());
        String open = SCRIPT.replace("done\n", "\n");
        assertFalse(CacheDependencies.of(open).orElseThrow().affectedBy(Set.of("ac_cv_func_one")).known());
    }

    /** CPython 3.11.2's own configure, when the test scripts have fetched it. */
    @Test
    void cpython311() throws Exception {
        Path configure = Path.of(System.getProperty("user.home"),
                ".cache/wasm-maven-plugin/sources/Python-3.11.2/configure");
        assumeTrue(Files.isRegularFile(configure), "CPython 3.11.2 source not fetched");
        String script = Files.readString(configure, StandardCharsets.ISO_8859_1);
        assertEquals(Set.of("ac_cv_func_eventfd", "ac_cv_header_sys_eventfd_h"),
                affected(script, "ac_cv_header_sys_eventfd_h"));
        assertEquals(Set.of("ac_cv_func_mknod"), affected(script, "ac_cv_func_mknod"));
        assertEquals(Set.of("py_cv_module__json"), affected(script, "py_cv_module__json"));
        assertEquals(Set.of("ac_cv_have_size_t_format", "ac_cv_sizeof_long"), affected(script, "ac_cv_sizeof_long"));
    }
}
