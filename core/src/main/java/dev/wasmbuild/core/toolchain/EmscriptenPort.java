package dev.wasmbuild.core.toolchain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an emscripten port definition (tools/ports/NAME.py) says about where its source goes:
 * the URL it would download and the directory it unpacks to. Emscripten treats a port as
 * fetched when PORTS/NAME/.emscripten_url holds that URL, which is how a local source tree can
 * stand in for a download that is impossible here.
 */
record EmscriptenPort(String name, String url, String subdir) {
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^([A-Z_]+)\\s*=\\s*'([^']*)'");
    /** fetch_project('NAME', URL, SUBDIR, sha512hash=…) up to 3.1.6x; fetch_project('NAME', URL, sha512hash=…) later. */
    private static final Pattern FETCH = Pattern.compile("fetch_project\\(\\s*'([^']+)'\\s*,\\s*([^,)]+?)\\s*(?:,\\s*([^,=)]+?)\\s*)?(?:,|\\))");
    /** Where later versions (3.1.69) read the unpacked source from: ports.get_dir('NAME', SUBDIR). */
    private static final Pattern GET_DIR = Pattern.compile("get_dir\\(\\s*'([^']+)'\\s*,\\s*([^)]+?)\\s*\\)");

    static Optional<EmscriptenPort> read(Path portsDir, String name) {
        Path file = portsDir.resolve(name + ".py");
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, String> constants = new HashMap<>();
            Matcher a = ASSIGNMENT.matcher(text);
            while (a.find()) {
                constants.put(a.group(1), a.group(2));
            }
            Matcher f = FETCH.matcher(text);
            if (!f.find()) {
                return Optional.empty();
            }
            String url = evaluate(f.group(2), constants);
            String subdirExpr = f.group(3);
            if (subdirExpr == null) {
                Matcher g = GET_DIR.matcher(text);
                while (g.find()) {
                    if (g.group(1).equals(f.group(1))) {
                        subdirExpr = g.group(2);
                        break;
                    }
                }
            }
            String subdir = subdirExpr == null ? null : evaluate(subdirExpr, constants);
            return url == null || subdir == null ? Optional.empty() : Optional.of(new EmscriptenPort(f.group(1), url, subdir));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Evaluates the two expression forms the port files use: f'…{VERSION}…' and
     * 'a' + VERSION + 'b'. Anything else is not understood (null), so the port is reported as
     * unavailable rather than seeded wrongly.
     */
    static String evaluate(String expr, Map<String, String> constants) {
        StringBuilder out = new StringBuilder();
        for (String part : expr.split("\\+")) {
            String p = part.trim();
            if (p.startsWith("f'") && p.endsWith("'")) {
                String body = p.substring(2, p.length() - 1);
                Matcher m = Pattern.compile("\\{([A-Z_]+)\\}").matcher(body);
                StringBuilder b = new StringBuilder();
                while (m.find()) {
                    String v = constants.get(m.group(1));
                    if (v == null) {
                        return null;
                    }
                    m.appendReplacement(b, Matcher.quoteReplacement(v));
                }
                m.appendTail(b);
                out.append(b);
            } else if (p.startsWith("'") && p.endsWith("'") && p.length() >= 2) {
                out.append(p, 1, p.length() - 1);
            } else if (constants.containsKey(p)) {
                out.append(constants.get(p));
            } else {
                return null;
            }
        }
        return out.toString();
    }
}
