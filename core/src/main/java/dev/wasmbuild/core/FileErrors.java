package dev.wasmbuild.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cause of a file-system error in words. NIO's exceptions often carry only a path as their
 * message ("/x/y" for a permission problem), which says where but not what went wrong; a
 * message built from them would read as if the path itself were the explanation.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /**
     * E.g. {@code "permission denied (AccessDeniedException: /x/y)"}, or for an exception with a
     * real message, {@code "No space left on device (FileSystemException: /x/y)"}.
     */
    public static String describe(IOException e) {
        String what = reason(e);
        String detail = e instanceof FileSystemException fs ? fileSystemDetail(fs) : null;
        String type = e.getClass().getSimpleName();
        return what + " (" + type + (detail == null || detail.isBlank() ? "" : ": " + detail) + ")";
    }

    /** The JDK's file-system exceptions in words; checked in order, so subclasses come first. */
    private static final Map<Class<? extends IOException>, String> REASONS = reasons();

    private static Map<Class<? extends IOException>, String> reasons() {
        Map<Class<? extends IOException>, String> m = new LinkedHashMap<>();
        m.put(AccessDeniedException.class, "permission denied");
        m.put(NoSuchFileException.class, "no such file or directory");
        m.put(FileAlreadyExistsException.class, "already exists");
        m.put(DirectoryNotEmptyException.class, "directory not empty");
        m.put(NotDirectoryException.class, "not a directory");
        m.put(NotLinkException.class, "not a symbolic link");
        m.put(FileSystemLoopException.class, "a loop of symbolic links");
        return m;
    }

    private static String reason(IOException e) {
        for (var known : REASONS.entrySet()) {
            if (known.getKey().isInstance(e)) {
                return known.getValue();
            }
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "an I/O error" : message;
    }

    /** The file (and other file) without repeating the reason already given. */
    private static String fileSystemDetail(FileSystemException e) {
        String file = e.getFile();
        String other = e.getOtherFile();
        if (file == null) {
            return other;
        }
        return other == null ? file : file + " -> " + other;
    }
}
