package dev.wasmbuild.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the raw path of a request line into the file name segments it names, or refuses it.
 *
 * <p>The raw path is split on '/' first and each segment is percent-decoded exactly once, so an
 * encoded slash can never become a separator and a doubly encoded dot stays a literal name.
 * Anything that could climb or hop out of the served root ({@code ..}, {@code .}, backslashes,
 * NUL, empty segments, malformed escapes, bytes that are not UTF-8) is refused rather than
 * repaired: a static file server for a build directory has no legitimate use for them.
 */
public final class RequestPath {

    private RequestPath() {
    }

    /**
     * The decoded segments of {@code rawPath} ({@code "/a/b.js"} gives [a, b.js]; {@code "/"} and
     * {@code "/dir/"} end in an empty segment, marking a directory), or empty when refused.
     */
    public static Optional<List<String>> segments(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        List<String> out = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            Optional<String> decoded = decode(parts[i]);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            String segment = decoded.get();
            if (segment.isEmpty() && !last) {
                return Optional.empty();
            }
            if (segment.equals(".") || segment.equals("..") || segment.indexOf('/') >= 0
                    || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
                return Optional.empty();
            }
            out.add(segment);
        }
        return Optional.of(List.copyOf(out));
    }

    private static Optional<String> decode(String raw) {
        if (raw.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x20 || c > 0x7e) {
                // Request lines are ASCII; anything else arrives only from a client bypassing encoding.
                return Optional.empty();
            } else {
                bytes.write(c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
