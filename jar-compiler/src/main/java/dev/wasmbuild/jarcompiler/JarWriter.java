package dev.wasmbuild.jarcompiler;

import dev.wasmbuild.core.packaging.EntryTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Collects entries and writes them sorted, with one time stamp ({@link EntryTime}), so the same inputs give
 * the same bytes. The first entry of a name wins (later duplicates, such as each library's
 * LICENSE, are dropped).
 */
final class JarWriter {
    private final TreeMap<String, byte[]> entries = new TreeMap<>();
    private final EntryTime time;

    /** @param mainClass the manifest's Main-Class, or null for a plain zip without a manifest */
    JarWriter(String mainClass) {
        this(mainClass, EntryTime.DEFAULT);
    }

    JarWriter(String mainClass, EntryTime time) {
        this.time = time;
        if (mainClass != null) {
            String manifest = "Manifest-Version: 1.0\r\nCreated-By: wasm-maven-plugin\r\nMain-Class: " + mainClass
                    + "\r\n\r\n";
            entries.put("META-INF/MANIFEST.MF", manifest.getBytes(StandardCharsets.UTF_8));
        }
    }

    void add(String name, byte[] content) {
        entries.putIfAbsent(name, content);
    }

    byte[] bytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            // The manifest goes first, where JarInputStream looks for it.
            write(out, "META-INF/MANIFEST.MF");
            for (String name : entries.keySet()) {
                if (!name.equals("META-INF/MANIFEST.MF")) {
                    write(out, name);
                }
            }
        }
        return bytes.toByteArray();
    }

    private void write(ZipOutputStream out, String name) throws IOException {
        byte[] content = entries.get(name);
        if (content == null) {
            return;
        }
        ZipEntry e = new ZipEntry(name);
        time.stamp(e);
        out.putNextEntry(e);
        out.write(content);
        out.closeEntry();
    }
}
