package dev.wasmbuild.maven;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which module wrote which generated file in this Maven session, so that two modules of one
 * reactor (with {@code -T 2}, or one after the other) writing different content to the same file
 * fail instead of the last writer winning silently. The same content from two modules is fine:
 * that is one file two modules agree on. Held per build (weakly, so a long-lived Maven daemon
 * forgets finished builds), and shared by the whole plugin realm through this static map.
 */
final class SessionOutputs {
    private static final Map<Object, Map<Path, Claim>> CLAIMS = new WeakHashMap<>();

    private SessionOutputs() {
    }

    /** Who wrote a file, and a digest of what. */
    record Claim(String module, String digest) {
    }

    /**
     * Records that {@code module} writes {@code digest} to {@code file} in {@code session};
     * returns the other module's claim when it wrote different content there, else null. A module
     * may rewrite its own file (a second execution of the same goal).
     */
    static Claim claim(Object session, Path file, String module, String digest) {
        synchronized (CLAIMS) {
            Map<Path, Claim> files = CLAIMS.computeIfAbsent(session, s -> new HashMap<>());
            Path key = file.toAbsolutePath().normalize();
            Claim earlier = files.get(key);
            if (earlier != null && !earlier.module().equals(module) && !earlier.digest().equals(digest)) {
                return earlier;
            }
            files.put(key, new Claim(module, digest));
            return null;
        }
    }
}
