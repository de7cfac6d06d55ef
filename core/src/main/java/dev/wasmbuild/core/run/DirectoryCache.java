package dev.wasmbuild.core.run;

import com.dylibso.chicory.compiler.Cache;
import dev.wasmbuild.core.io.AtomicFiles;
import dev.wasmbuild.core.io.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Chicory's compiler cache as files in one directory, named by a hash of the key. */
final class DirectoryCache implements Cache {
    private final Path directory;

    DirectoryCache(Path directory) {
        this.directory = directory;
    }

    @Override
    public byte[] get(String key) throws IOException {
        try {
            return Files.readAllBytes(file(key));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void putIfAbsent(String key, byte[] data) throws IOException {
        Path file = file(key);
        if (!Files.exists(file)) {
            Files.createDirectories(directory);
            AtomicFiles.writeIfChanged(file, data);
        }
    }

    private Path file(String key) {
        return directory.resolve(Hashing.text(key) + ".bin");
    }
}
