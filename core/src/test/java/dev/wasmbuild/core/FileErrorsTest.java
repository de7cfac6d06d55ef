package dev.wasmbuild.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FileErrorsTest {
    @Test
    void nioExceptionsThatCarryOnlyAPathGetTheirCauseInWords() {
        assertEquals("permission denied (AccessDeniedException: /x/y)",
                FileErrors.describe(new AccessDeniedException("/x/y")));
        assertEquals("no such file or directory (NoSuchFileException: /x/y)",
                FileErrors.describe(new NoSuchFileException("/x/y")));
        assertEquals("No space left on device (FileSystemException: /x/y -> /x/z)",
                FileErrors.describe(new FileSystemException("/x/y", "/x/z", "No space left on device")));
        assertEquals("Stream closed (IOException)", FileErrors.describe(new IOException("Stream closed")));
    }
}
