package dev.wasmbuild.core.io;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Exclusive use of a directory that several Maven runs may work on at once (two terminals, two
 * CI jobs, the modules of one {@code mvn -T} build): a build directory, a cached build Python,
 * the writable emscripten cache. Two locks are taken, since an operating-system file lock is
 * held per process: a lock per lock file inside this JVM (a second FileChannel.lock here would
 * throw OverlappingFileLockException rather than wait), then the file lock, which the
 * operating system releases when the process ends, however it ends.
 *
 * <p>The lock file lives next to the directory, never inside it: cleaning or rebuilding deletes
 * the directory, and a lock file deleted while held no longer keeps anyone out.
 */
public final class DirectoryLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, Slot> IN_THIS_JVM = new ConcurrentHashMap<>();

    /**
     * This JVM's turn at one lock file. A permit rather than a ReentrantLock: a lock may be
     * released by another thread than the one that took it (a mojo's worker, a test).
     */
    private static final class Slot {
        final Semaphore permit = new Semaphore(1);
        volatile Thread holder;
    }

    private final Slot jvmLock;
    private final FileChannel channel;
    private final FileLock fileLock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DirectoryLock(Slot jvmLock, FileChannel channel, FileLock fileLock) {
        this.jvmLock = jvmLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** The lock file for {@code dir}: a hidden sibling, {@code .NAME.lock}. */
    public static Path lockFileFor(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".lock");
    }

    /**
     * Blocks until this run has the directory to itself. When another run (in this JVM or
     * another) holds it, says so first: "Waiting for another WHAT (lock FILE) …".
     *
     * @param what what the other run is doing, e.g. "build of /p/target/wasm/wasi"
     */
    public static DirectoryLock acquire(Path lockFile, String what, Consumer<String> log)
            throws IOException, InterruptedException {
        Path parent = lockFile.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        // One key per file, however it is named: two paths to the same file would otherwise
        // get two JVM locks and meet again as an OverlappingFileLockException.
        Path file = parent.toRealPath().resolve(lockFile.getFileName());
        String waiting = "Waiting for another " + what + " (lock " + file + ") …";
        Slot jvm = IN_THIS_JVM.computeIfAbsent(file, k -> new Slot());
        if (jvm.holder == Thread.currentThread()) {
            throw new IllegalStateException(file + " is already held by this thread; a nested acquire would"
                    + " deadlock against its own file lock");
        }
        long start = System.nanoTime();
        boolean waited = false;
        if (!jvm.permit.tryAcquire()) {
            log.accept(waiting);
            waited = true;
            jvm.permit.acquire();
        }
        jvm.holder = Thread.currentThread();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                if (!waited) {
                    log.accept(waiting);
                    waited = true;
                }
                lock = channel.lock();
            }
            if (waited) {
                log.accept("Got the lock " + file + " after " + (System.nanoTime() - start) / 1_000_000_000L
                        + " s; going on");
            }
            return new DirectoryLock(jvm, channel, lock);
        } catch (FileLockInterruptionException | ClosedByInterruptException e) {
            close(channel);
            release(jvm);
            InterruptedException interrupted = new InterruptedException("interrupted while waiting for " + file);
            interrupted.initCause(e);
            throw interrupted;
        } catch (IOException | RuntimeException | Error e) {
            close(channel);
            release(jvm);
            throw e;
        }
    }

    /** Lets the next run in. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return; // a second close must not hand out a second permit
        }
        try {
            if (fileLock.isValid()) {
                fileLock.release();
            }
        } catch (IOException ignored) {
            // closing the channel below releases the lock too
        } finally {
            close(channel);
            release(jvmLock);
        }
    }

    private static void release(Slot slot) {
        slot.holder = null;
        slot.permit.release();
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing only releases what was never taken
            }
        }
    }
}
