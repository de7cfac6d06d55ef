package dev.wasmbuild.server;

import java.util.function.Consumer;

/** Where the server reports: start and stop (info), one line per request (debug), trouble (warn). */
public record ServeLog(Consumer<String> info, Consumer<String> debug, Consumer<String> warn) {

    public static ServeLog silent() {
        return new ServeLog(s -> { }, s -> { }, s -> { });
    }
}
