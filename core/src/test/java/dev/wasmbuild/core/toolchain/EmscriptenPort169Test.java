package dev.wasmbuild.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both forms of tools/ports/NAME.py: Debian 12's emscripten 3.1.6 and Debian 13's 3.1.69. */
class EmscriptenPort169Test {

    @Test
    void readsThe316Form(@TempDir Path ports) throws Exception {
        Files.writeString(ports.resolve("zlib.py"), """
                VERSION = '1.2.11'
                HASH = 'a42b'

                def get(ports, settings, shared):
                  ports.fetch_project('zlib', f'https://storage.googleapis.com/webassembly/emscripten-ports/zlib-{VERSION}.zip', 'zlib-' + VERSION, sha512hash=HASH)
                """);
        Files.writeString(ports.resolve("bzip2.py"), """
                VERSION = '1.0.6'
                def get(ports, settings, shared):
                  ports.fetch_project('bzip2', 'https://github.com/emscripten-ports/bzip2/archive/' + VERSION + '.zip', 'bzip2-' + VERSION, sha512hash=HASH)
                """);
        assertEquals(new EmscriptenPort("zlib", "https://storage.googleapis.com/webassembly/emscripten-ports/zlib-1.2.11.zip",
                "zlib-1.2.11"), EmscriptenPort.read(ports, "zlib").orElseThrow());
        assertEquals(new EmscriptenPort("bzip2", "https://github.com/emscripten-ports/bzip2/archive/1.0.6.zip", "bzip2-1.0.6"),
                EmscriptenPort.read(ports, "bzip2").orElseThrow());
    }

    @Test
    void readsThe3169Form(@TempDir Path ports) throws Exception {
        Files.writeString(ports.resolve("zlib.py"), """
                VERSION = '1.2.13'
                HASH = '44b8'

                def get(ports, settings, shared):
                  ports.fetch_project('zlib', f'https://github.com/madler/zlib/archive/refs/tags/v{VERSION}.tar.gz', sha512hash=HASH)

                  def create(final):
                    source_path = ports.get_dir('zlib', 'zlib-' + VERSION)
                """);
        Files.writeString(ports.resolve("bzip2.py"), """
                VERSION = '1.0.6'
                def get(ports, settings, shared):
                  ports.fetch_project('bzip2', f'https://github.com/emscripten-ports/bzip2/archive/{VERSION}.zip', sha512hash=HASH)

                  def create(final):
                    source_path = ports.get_dir('bzip2', 'bzip2-' + VERSION)
                """);
        assertEquals(new EmscriptenPort("zlib", "https://github.com/madler/zlib/archive/refs/tags/v1.2.13.tar.gz", "zlib-1.2.13"),
                EmscriptenPort.read(ports, "zlib").orElseThrow());
        assertEquals(new EmscriptenPort("bzip2", "https://github.com/emscripten-ports/bzip2/archive/1.0.6.zip", "bzip2-1.0.6"),
                EmscriptenPort.read(ports, "bzip2").orElseThrow());
    }
}
