package dev.wasmbuild.server;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points the xterm.js links of CPython's python.html at a locally served copy.
 *
 * <p>The page loads {@code https://unpkg.com/xterm@4.18.0/lib/xterm.js} and
 * {@code .../css/xterm.css} with SRI hashes. Only the host part is replaced, so the page's
 * {@code integrity} attributes stay in force: an unpacked npm package of the same version is
 * byte-identical and passes them, anything else is rejected by the browser, as it should be.
 */
public final class XtermRewrite {

    /** Where the server mounts xtermDirectory. */
    public static final String MOUNT = "_xterm";

    // unpkg (CPython 3.11's page) and jsDelivr's npm mirror; xterm 5 moved to the @xterm scope.
    private static final Pattern CDN_PREFIX = Pattern.compile(
            "https://(?:unpkg\\.com|cdn\\.jsdelivr\\.net/npm)/(?:@xterm/)?xterm@([0-9][0-9A-Za-z.+-]*)/");

    /** The rewritten page and the xterm versions it asked for. */
    public record Result(String html, Set<String> versions) {
        public boolean changed() {
            return !versions.isEmpty();
        }
    }

    private XtermRewrite() {
    }

    public static Result rewrite(String html) {
        Matcher m = CDN_PREFIX.matcher(html);
        Set<String> versions = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            versions.add(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement("/" + MOUNT + "/"));
        }
        m.appendTail(out);
        return new Result(out.toString(), Collections.unmodifiableSet(versions));
    }
}
