package dev.wasmbuild.core.configure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Just enough of a POSIX shell lexer to follow the nesting of a configure script: fed one line
 * after another (here-document bodies left out), it reports the compound-command keywords that
 * stand where a command starts, +1 for if/case/for/while/until and -1 for fi/esac/done. Quotes
 * and backquotes carry over from one line to the next, since configure's messages span lines.
 */
final class ShellKeywords {
    private static final Set<String> OPEN = Set.of("if", "case", "for", "while", "until");
    private static final Set<String> CLOSE = Set.of("fi", "esac", "done");
    /** Reserved words after which a command starts again. */
    private static final Set<String> LEAD = Set.of("then", "else", "elif", "do", "{", "}", "!", "if", "while", "until");

    private boolean single;
    private boolean dbl;
    private boolean back;
    /** The next word starts a command. */
    private boolean command = true;
    /** Inside "for NAME in ..." or "case WORD in": words that are never commands, until ";" or a newline. */
    private boolean list;
    private boolean continued;

    boolean quoted() {
        return single || dbl || back;
    }

    List<Integer> keywords(String line) {
        List<Integer> events = new ArrayList<>();
        if (!quoted() && !continued) {
            command = true;
            list = false;
        }
        continued = false;
        StringBuilder word = new StringBuilder();
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (single) {
                if (c == '\'') {
                    single = false;
                }
                continue;
            }
            if (dbl || back) {
                if (c == '\\') {
                    i++;
                } else if (dbl && c == '"') {
                    dbl = false;
                } else if (back && !dbl && c == '`') {
                    back = false;
                }
                continue;
            }
            switch (c) {
                case '\\' -> {
                    if (i == n - 1) {
                        continued = true;
                    }
                    word.append(c);
                    i++;
                }
                case '\'' -> {
                    single = true;
                    word.append(c);
                }
                case '"' -> {
                    dbl = true;
                    word.append(c);
                }
                case '`' -> {
                    back = true;
                    word.append(c);
                }
                case '$' -> {
                    word.append(c);
                    if (i + 1 < n && line.charAt(i + 1) == '{') {
                        int close = line.indexOf('}', i + 1);
                        i = close < 0 ? n : close;
                    }
                }
                case '#' -> {
                    if (word.length() == 0) {
                        i = n;
                    } else {
                        word.append(c);
                    }
                }
                case ' ', '\t' -> endWord(word, events);
                case ';', '&', '|', '(', ')' -> {
                    endWord(word, events);
                    command = true;
                    list = false;
                }
                default -> word.append(c);
            }
        }
        endWord(word, events);
        return events;
    }

    private void endWord(StringBuilder word, List<Integer> events) {
        if (word.length() == 0) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        if (list) {
            return;
        }
        if (!command) {
            if (w.equals("in")) {
                // for NAME in LIST / case WORD in: the rest of the line is data
                list = true;
            }
            return;
        }
        if (OPEN.contains(w)) {
            events.add(1);
        } else if (CLOSE.contains(w)) {
            events.add(-1);
        }
        if (w.equals("for") || w.equals("case")) {
            command = false;
        } else {
            command = LEAD.contains(w) || w.matches("[A-Za-z_][A-Za-z0-9_]*=.*");
        }
    }
}
