package dev.wasmbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmbuild.server.ServeLog;
import dev.wasmbuild.server.ServeSettings;
import dev.wasmbuild.server.StaticFileServer;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that wasm:serve-start left running and that stopped by itself during the build (its
 * listening socket closed underneath it) fails wasm:serve-stop, so the build does not end with
 * BUILD SUCCESS after browser tests that ran against nothing.
 */
class ServeStopFailureTest {

    @TempDir
    Path dir;

    private StaticFileServer serve() throws Exception {
        Path root = Files.createDirectories(dir.resolve("build"));
        Files.writeString(root.resolve("python.html"), "<p>page</p>");
        return StaticFileServer.start(ServeSettings.validated(root, false, 0, null), ServeLog.silent());
    }

    private static ServeStopMojo stopFor(StaticFileServer server, RecordingLog log) {
        ServeStopMojo stop = Mojos.prepared(new ServeStopMojo(), "serve-stop", log);
        Map<String, Object> context = new HashMap<>();
        context.put(AbstractServeMojo.SERVER_KEY, server);
        stop.setPluginContext(context);
        return stop;
    }

    @Test
    void anOrdinaryStopSucceeds() throws Exception {
        StaticFileServer server = serve();
        RecordingLog log = new RecordingLog();
        stopFor(server, log).execute();
        assertEquals(List.of("INFO Stopped serving " + server.baseUrl()), log.lines);
    }

    @Test
    @Timeout(30)
    void aServerThatStoppedByItselfFailsTheBuild() throws Exception {
        StaticFileServer server = serve();
        // The socket is private to the server; closing it from outside is what "underneath" means.
        Field listener = StaticFileServer.class.getDeclaredField("listener");
        listener.setAccessible(true);
        ((ServerSocket) listener.get(server)).close();
        server.awaitClose();
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> stopFor(server, new RecordingLog()).execute());
        assertTrue(e.getMessage().contains("stopped by itself") && e.getMessage().contains("was closed"),
                e.getMessage());
    }
}
