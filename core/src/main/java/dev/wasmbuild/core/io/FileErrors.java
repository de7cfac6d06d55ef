package dev.wasmbuild.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

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

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof NotLinkException) {
            return "not a symbolic link";
        }
        if (e instanceof FileSystemLoopException) {
            return "a loop of symbolic links";
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
