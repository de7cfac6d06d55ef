package dev.wasmbuild.jarcompiler;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

class JarWriterTest {

    private static byte[] sample() throws Exception {
        JarWriter w = new JarWriter("a.Main");
        w.add("b/Two.class", new byte[] {2});
        w.add("a/One.class", new byte[] {1});
        w.add("META-INF/LICENSE", new byte[] {7});
        w.add("META-INF/LICENSE", new byte[] {8});
        return w.bytes();
    }

    @Test
    void manifestFirstEntriesSortedFirstDuplicateWinsAndBytesRepeat() throws Exception {
        byte[] jar = sample();
        assertArrayEquals(jar, sample());
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            assertEquals("a.Main", in.getManifest().getMainAttributes().getValue("Main-Class"));
            List<String> names = new ArrayList<>();
            for (var e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                names.add(e.getName());
                if (e.getName().equals("META-INF/LICENSE")) {
                    assertArrayEquals(new byte[] {7}, in.readAllBytes());
                }
            }
            assertEquals(List.of("META-INF/LICENSE", "a/One.class", "b/Two.class"), names);
        }
    }
}
