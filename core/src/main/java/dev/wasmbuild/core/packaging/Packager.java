package dev.wasmbuild.core.packaging;

import dev.wasmbuild.core.Setting;
import dev.wasmbuild.core.WasmBuildException;
import dev.wasmbuild.core.catalogue.Target;
import dev.wasmbuild.core.io.AtomicFiles;
import dev.wasmbuild.core.build.BuildLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip a user deploys. Entries are sorted and all carry one time stamp ({@link EntryTime}),
 * so the same build gives the same bytes. For wasi and emscripten-node the stdlib sits where CPython's
 * default prefix expects it (lib/python3.X under the zip root, which a runner mounts or
 * unpacks as /usr/local); the browser build already carries its stdlib in python.data.
 */
public final class Packager {
    /** Parts of Lib/ that are tests, IDEs or GUI toolkits the wasm builds cannot use. */
    private static final Set<String> LEFT_OUT = Set.of("test", "idlelib", "tkinter", "turtledemo", "ensurepip",
            "lib2to3/tests", "distutils/tests", "unittest/test", "ctypes/test", "sqlite3/test", "tkinter/test");

    private Packager() {
    }

    public static Path write(BuildLayout layout, Path zip) throws WasmBuildException {
        return write(layout, zip, EntryTime.DEFAULT);
    }

    public static Path write(BuildLayout layout, Path zip, EntryTime time) throws WasmBuildException {
        TreeMap<String, Path> entries = new TreeMap<>();
        Path b = layout.buildDirectory();
        switch (layout.target()) {
            case WASI -> entries.put("python.wasm", b.resolve("python.wasm"));
            case EMSCRIPTEN_NODE -> {
                entries.put("python.js", b.resolve("python.js"));
                entries.put("python.wasm", b.resolve("python.wasm"));
                optional(entries, "python.worker.js", b.resolve("python.worker.js"));
            }
            case EMSCRIPTEN_BROWSER -> {
                for (String f : List.of("python.html", "python.js", "python.wasm", "python.data")) {
                    entries.put(f, b.resolve(f));
                }
                optional(entries, "python.worker.js", b.resolve("python.worker.js"));
            }
            default -> throw new IllegalStateException();
        }
        for (var e : entries.entrySet()) {
            if (!Files.isRegularFile(e.getValue())) {
                throw new WasmBuildException("cannot package the " + layout.target() + " build: " + e.getValue()
                        + " is missing (did make finish?)");
            }
        }
        if (layout.target() != Target.EMSCRIPTEN_BROWSER) {
            addLibrary(entries, layout, "lib/");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                time.stamp(ze);
                out.putNextEntry(ze);
                out.write(read(layout, e.getKey(), e.getValue()));
                out.closeEntry();
            }
        } catch (IOException e) {
            // Only reads can fail here (the zip is built in memory); read() names the file.
            throw WasmBuildException.io("cannot package " + zip, e);
        }
        try {
            AtomicFiles.writeIfChanged(zip, bytes.toByteArray());
        } catch (IOException e) {
            throw WasmBuildException.io("cannot write " + zip, Setting.FINAL_NAME, e);
        }
        return zip;
    }

    /**
     * Adds the stdlib (without tests and GUI toolkits) as {@code <prefix>python3.X/…} and the
     * platform library as its lib-dynload, where CPython's default prefix looks for them.
     */
    public static void addLibrary(TreeMap<String, Path> entries, BuildLayout layout, String prefix)
            throws WasmBuildException {
        String lib = prefix + "python" + layout.version() + "/";
        addTree(entries, layout, layout.stdlib(), lib);
        addTree(entries, layout, layout.platformLibrary(), lib + "lib-dynload/");
    }

    /**
     * A file's bytes as packaged. _sysconfigdata records the build and source directories as
     * configure saw them, which would make two project directories give different zips; they are
     * written as /cpython/build and /cpython/src, the names the compiler's prefix maps give them
     * in python.wasm, and its string literals rewritten so that where pprint wrapped them, which
     * depends on the paths' lengths, leaves no trace ({@link SysconfigData}). Neither directory
     * exists inside the guest either way.
     */
    public static byte[] content(BuildLayout layout, String name, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (!base.startsWith("_sysconfigdata_") || !base.endsWith(".py")) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String build = layout.buildDirectory().toAbsolutePath().normalize().toString();
        String src = layout.sourceDirectory().toAbsolutePath().normalize().toString();
        // Literals re-joined so pprint's wrapping (which the paths' lengths decide) leaves no
        // trace; a file it cannot read gets the paths replaced as plain text.
        String packaged = SysconfigData.normalize(text, build, src)
                .orElseGet(() -> SysconfigData.replace(text, build, src));
        return packaged.getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #content}, with a failure naming the file and the setting it came from. */
    private static byte[] read(BuildLayout layout, String name, Path file) throws WasmBuildException {
        try {
            return content(layout, name, file);
        } catch (IOException e) {
            throw WasmBuildException.io("cannot read " + file + " (" + settingOf(layout, file) + ")", e);
        }
    }

    /** The build's own files come from outputDirectory; the stdlib from the CPython source. */
    private static String settingOf(BuildLayout layout, Path file) {
        return file.toAbsolutePath().normalize().startsWith(layout.buildDirectory().toAbsolutePath().normalize())
                ? "" + Setting.OUTPUT_DIRECTORY : Setting.SOURCE_DIRECTORY + " or " + Setting.SOURCE_ARCHIVE;
    }

    private static void optional(TreeMap<String, Path> entries, String name, Path file) {
        if (Files.isRegularFile(file)) {
            entries.put(name, file);
        }
    }

    private static void addTree(TreeMap<String, Path> entries, BuildLayout layout, Path root, String prefix)
            throws WasmBuildException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.contains("__pycache__/") || rel.endsWith(".pyc") || leftOut(rel)) {
                    return;
                }
                entries.put(prefix + rel, p);
            });
        } catch (IOException e) {
            throw WasmBuildException.io("cannot read " + root + " (" + settingOf(layout, root) + ")", e);
        }
    }

    private static boolean leftOut(String rel) {
        for (String dir : LEFT_OUT) {
            if (rel.startsWith(dir + "/")) {
                return true;
            }
        }
        return false;
    }
}
