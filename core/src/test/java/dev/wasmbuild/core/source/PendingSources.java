package dev.wasmbuild.core.source;

import dev.wasmbuild.core.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Test sources still "in their archive", for goals that must not unpack before they have checked. */
public final class PendingSources {
    private PendingSources() {
    }

    /** A 3.11 source under {@code dir/out/sources} that counts how often it is unpacked. */
    public static CPythonSource counting(Path dir, AtomicInteger unpacked) {
        Path root = dir.resolve("out/sources/Python-3.11.9");
        String configure = "#!/bin/sh\nPACKAGE_VERSION='3.11'\n";
        return CPythonSource.pending(root, configure, null, Setting.SOURCE_ARCHIVE, () -> {
            unpacked.incrementAndGet();
            try {
                Files.createDirectories(root);
                Files.writeString(root.resolve("configure"), configure);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return root;
        });
    }
}
