package dev.wasmbuild.server;

import java.util.Locale;
import java.util.Map;

/** Content types by file extension, for what an Emscripten browser build and its page consist of. */
public final class MimeTypes {

    /** Browsers refuse to stream-compile wasm and to run module scripts without the right type. */
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("wasm", "application/wasm"),
            Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"),
            Map.entry("data", "application/octet-stream"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("py", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("zip", "application/zip"));

    public static final String FALLBACK = "application/octet-stream";

    private MimeTypes() {
    }

    /** The Content-Type for a file name; application/octet-stream when the extension is unknown. */
    public static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return FALLBACK;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), FALLBACK);
    }

    public static boolean isHtml(String fileName) {
        return of(fileName).startsWith("text/html");
    }
}
