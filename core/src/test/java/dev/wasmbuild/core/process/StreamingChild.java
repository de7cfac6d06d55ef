package dev.wasmbuild.core.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test subject run in its own JVM by {@link ShutdownKillsChildrenTest}: a build step that never
 * ends (as configure or make, seen from Maven), with a grandchild whose pid it writes to a file.
 */
public final class StreamingChild {
    private StreamingChild() {
    }

    public static void main(String[] args) throws Exception {
        Path pidFile = Path.of(args[0]);
        // The pid goes through a temporary file and a rename, so the test never reads half of it.
        String script = "sleep 300 & echo $! > \"$0.tmp\" && mv \"$0.tmp\" \"$0\"; wait";
        ProcessExecutor.stream(new Command(List.of("sh", "-c", script, pidFile.toString()),
                pidFile.toAbsolutePath().getParent(), Map.of("PATH", "/usr/bin:/bin")), line -> { }, null, null);
    }
}
