package dev.wasmbuild.core.configure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which cached answers of an autoconf configure script can change when some cache variables
 * change. configure runs top to bottom, and a check sees earlier results only through shell
 * variables, the macros it appends to confdefs.h (which every later test program includes) and
 * the if/case/for constructs it runs under. So one forward pass over the main body taints every
 * piece of script that reads a tainted name or runs under a tainted condition; a tainted piece
 * taints what it writes (variables, macros, its own cache variable). The answer is the changed
 * variables plus every cache variable checked in a tainted piece.
 *
 * <p>The pieces are "segments": a check starts at its "checking ..." line (or the call of
 * autoconf's generic check function) and runs to the next one, so the lines after a check that
 * act on its answer (AC_DEFINE, assignments) belong to it. AC_CHECK_FUNCS/AC_CHECK_HEADERS
 * loops are taken item by item: one changed function must not re-run the other two hundred.
 *
 * <p>Everything it does not understand makes it answer "unknown", and the caller configures
 * from scratch: the shell constructs must balance, and a tainted write of the compiler, its
 * flags or a feature-test macro (which system headers read, whatever a test program mentions)
 * taints everything after it.
 *
 * <p>Long because it is one pass whose parts (the segmenter, the shell-construct stack and the taint
 * sets) share the state of that pass; split into classes they would have to hand it around.
 */
final class CacheDependencies {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DEFINE = Pattern.compile("#define\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern ASSIGN = Pattern.compile("(?:^|[\\s;&|(`])([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern CACHE_TEST = Pattern.compile("^\\s*if \\$\\{([A-Za-z0-9_]+)\\+:\\} false; then :");
    private static final Pattern GENERIC = Pattern.compile(
            "^\\s*ac_fn_c_(?:check_[a-z_]+|compute_int) \"\\$LINENO\" .*?\"([A-Za-z0-9_]*_cv_[A-Za-z0-9_]*)\"");
    private static final Pattern CHECKING = Pattern.compile("^\\s*\\{ \\$as_echo \"\\$as_me:\\$\\{as_lineno-\\$LINENO\\}: checking ");
    private static final Pattern LOOP = Pattern.compile("^(\\s*)for (ac_[a-z_]+) in(.*)$");
    private static final Pattern LOOP_VAR = Pattern.compile("=`\\$as_echo \"([A-Za-z0-9_]*)\\$(ac_[a-z_]+)\" \\| \\$as_tr_sh`");
    private static final Pattern LOOP_DEFINE = Pattern.compile("#define `\\$as_echo \"([A-Za-z0-9_]*)\\$(ac_[a-z_]+)\" \\| \\$as_tr_cpp`");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\\\?['\"]?([A-Za-z_][A-Za-z0-9_]*)['\"]?");
    private static final String MAIN_BODY = "## Main body of script. ##";
    private static final String CACHE_SAVE = "cat >confcache <<\\_ACEOF";
    /** What every compile and link test reads without naming it in its own text. */
    private static final Set<String> IMPLICIT = Set.of("CC", "CPP", "CFLAGS", "CPPFLAGS", "LDFLAGS", "LIBS",
            "ac_c_werror_flag", "ac_compile", "ac_link", "ac_cpp", "ac_ext");
    /** Per-check scratch variables: set before each use, so they carry nothing from one check to the next. */
    private static final Set<String> SCRATCH = Set.of("ac_res", "ac_word", "ac_status", "ac_try", "ac_try_echo",
            "ac_have_decl", "ac_tool_warned", "ac_check_lib_save_LIBS", "ac_func_search_save_LIBS", "ac_save_cc",
            "ac_save_LIBS", "ac_save_CFLAGS", "ac_save_CPPFLAGS", "ac_save_LDFLAGS", "ac_save_IFS",
            "as_save_IFS", "as_dir", "as_val", "ac_count", "as_ac_var", "as_ac_Lib", "as_ac_Header",
            "as_ac_Type", "as_ac_Symbol", "as_ac_Member", "ac_lib", "ac_func", "ac_header", "ac_hdr", "ac_var",
            "ac_write_fail", "ac_retval", "ac_fn_c_check_header_mongrel_save", "ac_path_GREP_found",
            "ac_path_EGREP_found", "ac_path_SED_found", "ac_mid", "ac_lo", "ac_hi", "ac_prog", "ac_exec_ext");

    private final List<String> lines;
    private final int start;
    private final int end;
    /** Per line: the compound-command keywords it opens (+1) and closes (-1); null inside a here-document. */
    private final int[][] keywords;
    /** Per line: how many constructs are open before it. */
    private final int[] depth;
    private final String unbalanced;
    /** The names in autoconf's default includes, which a test program reading $ac_includes_default sees. */
    private final Set<String> defaultIncludes = new HashSet<>();

    private CacheDependencies(List<String> lines, int start, int end) {
        this.lines = lines;
        this.start = start;
        this.end = end;
        this.keywords = new int[end][];
        this.depth = new int[end + 1];
        int defaults = lines.indexOf("ac_includes_default=\"\\");
        for (int j = defaults; j >= 0 && j < start; j++) {
            idents(lines.get(j), defaultIncludes);
            if (j > defaults && lines.get(j).startsWith("\"")) {
                break;
            }
        }
        ShellKeywords shell = new ShellKeywords();
        int open = 0;
        String problem = null;
        for (int j = start; j < end; j++) {
            depth[j] = open;
            keywords[j] = shell.keywords(lines.get(j)).stream().mapToInt(Integer::intValue).toArray();
            for (int k : keywords[j]) {
                open += k;
                if (open < 0 && problem == null) {
                    problem = "line " + (j + 1) + " closes a construct that is not open";
                }
            }
            int heredocEnd = skipHeredoc(j);
            if (heredocEnd != j && !shell.quoted()) {
                for (int k = j + 1; k <= heredocEnd && k < end; k++) {
                    depth[k] = open;
                }
                j = heredocEnd;
            }
        }
        depth[end] = open;
        this.unbalanced = problem != null ? problem : open != 0 ? "its if/case/for constructs do not balance" : null;
    }

    /** Reads a configure script; empty when it is not one autoconf made as this class expects. */
    static Optional<CacheDependencies> of(String configure) {
        List<String> lines = configure.lines().toList();
        int start = lines.indexOf(MAIN_BODY);
        int end = lines.indexOf(CACHE_SAVE);
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        return Optional.of(new CacheDependencies(lines, start + 1, end));
    }

    /** The outcome: the cache variables to drop, or why the script could not be followed. */
    record Answer(Set<String> affected, String unknown) {
        boolean known() {
            return unknown == null;
        }
    }

    /** Every cache variable whose answer can differ once {@code changed} have other values. */
    Answer affectedBy(Set<String> changed) {
        if (unbalanced != null) {
            return new Answer(Set.of(), unbalanced);
        }
        Set<String> taint = new HashSet<>(changed);
        Set<String> affected = new TreeSet<>(changed);
        Deque<Boolean> control = new ArrayDeque<>();
        int i = start;
        while (i < end) {
            int segmentEnd;
            Matcher loop = LOOP.matcher(lines.get(i));
            if (loop.matches() && (segmentEnd = loopEnd(i, loop.group(1))) > 0 && isCheckLoop(i, segmentEnd, loop.group(2))) {
                String unknown = loopSegment(i, segmentEnd, taint, affected, control);
                if (unknown != null) {
                    return new Answer(Set.of(), unknown);
                }
            } else {
                segmentEnd = nextSegmentStart(i);
                String unknown = segment(i, segmentEnd, taint, affected, control);
                if (unknown != null) {
                    return new Answer(Set.of(), unknown);
                }
            }
            i = segmentEnd;
        }
        if (!control.isEmpty()) {
            return new Answer(Set.of(), "its if/case/for constructs do not balance");
        }
        return new Answer(affected, null);
    }

    /**
     * Where the next segment starts: at a check, or at a new top-level command after a blank
     * line (autoconf puts one between macro expansions), so unrelated code that follows a check
     * is not counted as acting on its answer.
     */
    private int nextSegmentStart(int from) {
        int j = skipHeredoc(from) + 1;
        while (j < end) {
            String l = lines.get(j);
            if (CHECKING.matcher(l).find() || GENERIC.matcher(l).find() || LOOP.matcher(l).matches()
                    || depth[j] == 0 && lines.get(j - 1).isBlank() && !l.isBlank()) {
                return j;
            }
            j = skipHeredoc(j) + 1;
        }
        return end;
    }

    /** A line opening a here-document: the index of its delimiter line, else the line itself. */
    private int skipHeredoc(int i) {
        Matcher h = HEREDOC.matcher(lines.get(i));
        if (!h.find()) {
            return i;
        }
        String delimiter = h.group(1);
        for (int j = i + 1; j < lines.size(); j++) {
            if (lines.get(j).trim().equals(delimiter)) {
                return j;
            }
        }
        return lines.size() - 1;
    }

    private int loopEnd(int i, String indent) {
        for (int j = i + 1; j < end; j = skipHeredoc(j) + 1) {
            if (lines.get(j).equals(indent + "done")) {
                return j + 1;
            }
        }
        return -1;
    }

    /** A loop over the items of AC_CHECK_FUNCS and the like: it names each item's cache variable. */
    private boolean isCheckLoop(int from, int to, String loopVariable) {
        for (int j = from; j < to; j++) {
            Matcher v = LOOP_VAR.matcher(lines.get(j));
            if (v.find() && v.group(2).equals(loopVariable)) {
                return true;
            }
        }
        return false;
    }

    /** An ordinary piece of script: tainted as a whole. */
    private String segment(int from, int to, Set<String> taint, Set<String> affected, Deque<Boolean> control) {
        Set<String> reads = new HashSet<>();
        Set<String> writes = new HashSet<>();
        Set<String> checked = new HashSet<>();
        scan(from, to, reads, writes);
        for (int j = from; j < to; j++) {
            String l = lines.get(j);
            Matcher c = CACHE_TEST.matcher(l);
            if (c.find()) {
                checked.add(c.group(1));
            }
            Matcher g = GENERIC.matcher(l);
            if (g.find()) {
                checked.add(g.group(1));
            }
        }
        writes.addAll(checked);
        boolean tainted = control.contains(Boolean.TRUE) || intersects(reads, taint);
        if (tainted) {
            affected.addAll(checked);
            // A check whose body spans segments is answered where its variable is assigned.
            writes.stream().filter(w -> w.contains("_cv_")).forEach(affected::add);
            String unknown = taintWrites(writes, taint);
            if (unknown != null) {
                return unknown;
            }
        }
        return track(from, to, tainted, control);
    }

    /** AC_CHECK_FUNCS and friends: one loop, one check per item, each tainted on its own. */
    private String loopSegment(int from, int to, Set<String> taint, Set<String> affected, Deque<Boolean> control) {
        Matcher head = LOOP.matcher(lines.get(from));
        head.matches();
        String loopVariable = head.group(2);
        List<String> items = new ArrayList<>();
        int body = from;
        String rest = head.group(3);
        while (true) {
            String words = rest.replace("\\", " ");
            boolean done = false;
            for (String w : words.trim().split("\\s+")) {
                if (w.equals("do") || w.equals("do:") || w.equals(";")) {
                    done = true;
                    break;
                }
                if (w.endsWith(";")) {
                    items.add(w.substring(0, w.length() - 1));
                    done = true;
                    break;
                }
                if (!w.isEmpty()) {
                    items.add(w);
                }
            }
            if (done || ++body >= to) {
                break;
            }
            rest = lines.get(body);
            if (rest.trim().startsWith("do")) {
                break;
            }
        }
        if (items.stream().anyMatch(w -> w.contains("$") || w.contains("`"))) {
            return "the loop at line " + (from + 1) + " checks a computed list";
        }
        String varPrefix = null;
        String macroPrefix = null;
        Set<String> reads = new HashSet<>();
        Set<String> writes = new HashSet<>();
        for (int j = body + 1; j < to; j++) {
            String l = lines.get(j);
            Matcher v = LOOP_VAR.matcher(l);
            if (v.find() && v.group(2).equals(loopVariable)) {
                varPrefix = v.group(1);
            }
            Matcher m = LOOP_DEFINE.matcher(l);
            if (m.find() && m.group(2).equals(loopVariable)) {
                macroPrefix = m.group(1);
            }
        }
        scan(body + 1, to, reads, writes);
        if (varPrefix == null) {
            return "the loop at line " + (from + 1) + " does not name its cache variables as expected";
        }
        boolean all = control.contains(Boolean.TRUE) || intersects(reads, taint);
        boolean any = false;
        for (String item : items) {
            String var = varPrefix + trSh(item);
            if (all || taint.contains(var)) {
                any = true;
                affected.add(var);
                taint.add(var);
                if (macroPrefix != null) {
                    taint.add(trCpp(macroPrefix + item));
                }
            }
        }
        if (any) {
            String unknown = taintWrites(writes, taint);
            if (unknown != null) {
                return unknown;
            }
        }
        return track(from, to, all || any, control);
    }

    /**
     * Names read and written by lines [from, to). Here-documents are test programs (read only:
     * their own #defines and assignments are C) unless they append to confdefs.h, where each
     * #define is a macro every later test program sees.
     */
    private void scan(int from, int to, Set<String> reads, Set<String> writes) {
        for (int j = from; j < to; j++) {
            String l = lines.get(j);
            idents(l, reads);
            if (l.contains("confdefs.h")) {
                matches(DEFINE, l, writes);
            }
            matches(ASSIGN, l, writes);
            int heredocEnd = Math.min(skipHeredoc(j), to - 1);
            boolean confdefs = l.contains(">>confdefs.h") || l.contains("> confdefs.h");
            for (int k = j + 1; k <= heredocEnd; k++) {
                idents(lines.get(k), reads);
                if (confdefs) {
                    matches(DEFINE, lines.get(k), writes);
                }
            }
            j = heredocEnd;
        }
        if (reads.contains("ac_includes_default")) {
            reads.addAll(defaultIncludes);
        }
    }

    private static void matches(Pattern p, String line, Set<String> into) {
        Matcher m = p.matcher(line);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private String taintWrites(Set<String> writes, Set<String> taint) {
        for (String w : writes) {
            if (SCRATCH.contains(w)) {
                continue;
            }
            if (IMPLICIT.contains(w) || (w.startsWith("_") && !w.startsWith("__"))) {
                // Compiler, flags or feature-test macros: every later test program may differ.
                return "a changed answer changes " + w + ", which every later check depends on";
            }
            taint.add(w);
        }
        return null;
    }

    /**
     * Keeps the stack of open if/case/for/while/until constructs across segments. A construct
     * opened in a tainted segment is tainted, and so is everything inside it: a check that runs
     * only under a changed condition may run, or not run, where it did before.
     */
    private String track(int from, int to, boolean tainted, Deque<Boolean> control) {
        for (int j = from; j < to; j++) {
            if (keywords[j] == null) {
                continue;
            }
            for (int event : keywords[j]) {
                if (event > 0) {
                    control.push(tainted || control.contains(Boolean.TRUE));
                } else {
                    control.pop();
                }
            }
        }
        return null;
    }

    private static void idents(String line, Set<String> into) {
        Matcher m = IDENT.matcher(line);
        while (m.find()) {
            into.add(m.group());
        }
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        Set<String> small = a.size() < b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        for (String s : small) {
            if (large.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** autoconf's as_tr_sh: '*' and '+' become 'p', anything else not alphanumeric '_'. */
    static String trSh(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c == '*' || c == '+' ? 'p' : Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        }
        return b.toString();
    }

    /** autoconf's as_tr_cpp: '*' becomes 'P', letters upper case, anything else not alphanumeric '_'. */
    static String trCpp(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c == '*' ? 'P' : Character.isLetterOrDigit(c) && c < 128
                    ? Character.toUpperCase(c) : '_');
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }
}
