package dev.wasmbuild.jarcompiler;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import dev.wasmbuild.core.packaging.EntryTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WASI as the snapshot run sees it: whatever varies from one build to the next is made the same,
 * so that the same inputs give the same jar. CPython's start-up reads the clocks (wasi-libc's
 * emulated process clock, mimalloc's start time and its weak random seed, the time module's
 * time zone set-up) and stats and lists the stdlib, whose inode numbers and change times are
 * those of this build's unpacked copy, with the bytecode it writes there. Objects keep such
 * values, freed memory too, and the snapshot stores all memory. None of them matters once a run
 * starts: wasi-libc's constructors run again in every run, mimalloc's random only varies
 * allocation order, the time zone is UTC under WASI, and importlib compares the modification
 * times it kept with the run's own stdlib, which differ, so it looks again.
 */
final class SnapshotHost {
    private static final String WASI = "wasi_snapshot_preview1";
    private static final int SUCCESS = 0;
    private static final int REALTIME = 0;
    /** filestat: dev, ino, filetype, nlink, size, atim, mtim, ctim. */
    private static final int STAT_DEV = 0;
    private static final int STAT_INO = 8;
    private static final int STAT_ATIM = 40;
    private static final int STAT_MTIM = 48;
    private static final int STAT_CTIM = 56;
    /** dirent: d_next, d_ino, d_namlen, d_type, then the name. */
    private static final int DIRENT_INO = 8;
    private static final int DIRENT_NAMLEN = 16;
    private static final int DIRENT_SIZE = 24;

    private SnapshotHost() {
    }

    /** The functions named above replaced or wrapped; every other one as it is. */
    static HostFunction replace(HostFunction function, EntryTime time) {
        if (!WASI.equals(function.module())) {
            return function;
        }
        WasmFunctionHandle original = function.handle();
        WasmFunctionHandle handle = switch (function.name()) {
            case "clock_time_get" -> clock(time);
            // Nothing CPython keeps is seeded from it while it starts with a fixed hash seed
            // (wasm-preinit.c); zeros make sure nothing varies if that ever changes.
            case "random_get" -> (instance, args) -> {
                instance.memory().write((int) args[0], new byte[(int) args[1]]);
                return new long[] {SUCCESS};
            };
            case "fd_filestat_get" -> (instance, args) -> stat(original, instance, args, (int) args[1], time);
            case "path_filestat_get" -> (instance, args) -> stat(original, instance, args, (int) args[4], time);
            case "fd_readdir" -> (instance, args) -> {
                long[] result = original.apply(instance, args);
                if (result[0] == SUCCESS) {
                    Memory memory = instance.memory();
                    sameInodes(memory, (int) args[1], memory.readInt((int) args[4]));
                }
                return result;
            };
            default -> null;
        };
        return handle == null ? function
                : new HostFunction(function.module(), function.name(), function.functionType(), handle);
    }

    /** The wall clock at the jar's entry time; every clock advancing a microsecond per reading. */
    private static WasmFunctionHandle clock(EntryTime time) {
        long wall = nanos(time);
        AtomicLong ticks = new AtomicLong();
        return (instance, args) -> {
            long now = ticks.incrementAndGet() * 1000;
            instance.memory().writeLong((int) args[2], (int) args[0] == REALTIME ? wall + now : now);
            return new long[] {SUCCESS};
        };
    }

    /**
     * Every file at the entry time: the stdlib as unpacked here already is, and the bytecode
     * CPython writes beside it while it starts (and the directories that gain it) then look the
     * same. A run of the jar sees its own stdlib's times, so importlib reads those directories
     * again there rather than trusting what it kept.
     */
    private static long[] stat(WasmFunctionHandle original, Instance instance, long[] args, int buffer,
            EntryTime time) {
        long[] result = original.apply(instance, args);
        if (result[0] == SUCCESS) {
            Memory memory = instance.memory();
            long at = nanos(time);
            memory.writeLong(buffer + STAT_DEV, 0);
            memory.writeLong(buffer + STAT_INO, 0);
            memory.writeLong(buffer + STAT_ATIM, at);
            memory.writeLong(buffer + STAT_MTIM, at);
            memory.writeLong(buffer + STAT_CTIM, at);
        }
        return result;
    }

    private static long nanos(EntryTime time) {
        return time.epochSecond() * 1_000_000_000L;
    }

    /** Inode numbers out of a fd_readdir buffer (the last entry may be cut short). */
    private static void sameInodes(Memory memory, int buffer, int used) {
        int p = 0;
        while (p + DIRENT_SIZE <= used) {
            memory.writeLong(buffer + p + DIRENT_INO, 0);
            p += DIRENT_SIZE + memory.readInt(buffer + p + DIRENT_NAMLEN);
        }
        if (p + DIRENT_INO < used) {
            memory.write(buffer + p + DIRENT_INO, new byte[Math.min(8, used - p - DIRENT_INO)]);
        }
    }
}
