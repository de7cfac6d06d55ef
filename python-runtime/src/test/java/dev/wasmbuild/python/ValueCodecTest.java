package dev.wasmbuild.python;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java half of the encoding, against bytes written out by hand as the driver writes them. */
class ValueCodecTest {
    private static byte[] encode(Object v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ValueCodec.encode(v, out);
        return out.toByteArray();
    }

    private static Object decode(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return ValueCodec.decode(ByteBuffer.wrap(bytes));
    }

    @Test
    void encodesAsTheDriverReads() {
        assertArrayEquals(new byte[] {'N'}, encode(null));
        assertArrayEquals(new byte[] {'i', 0, 0, 0, 0, 0, 0, 0, 42}, encode(42));
        assertArrayEquals(new byte[] {'I', 0, 0, 0, 2, 0, (byte) 0x80}, encode(BigInteger.valueOf(128)));
        assertArrayEquals(new byte[] {'s', 0, 0, 0, 2, (byte) 0xc3, (byte) 0xbc}, encode("ü"));
        assertArrayEquals(new byte[] {'l', 0, 0, 0, 2, 'T', 'F'}, encode(new Boolean[] {true, false}));
        assertArrayEquals(new byte[] {'d', 0, 0, 0, 1, 's', 0, 0, 0, 1, 'a', 'N'},
                encode(java.util.Collections.singletonMap("a", null)));
        assertArrayEquals(new byte[] {'f', 0x3f, (byte) 0xf8, 0, 0, 0, 0, 0, 0}, encode(1.5f));
    }

    @Test
    void decodesWhatTheDriverWrites() {
        assertEquals(-1L, decode('i', -1, -1, -1, -1, -1, -1, -1, -1));
        assertEquals(BigInteger.valueOf(-129), decode('I', 0, 0, 0, 2, 0xff, 0x7f));
        assertEquals(1.0, decode('f', 0x3f, 0xf0, 0, 0, 0, 0, 0, 0));
        assertEquals(Arrays.asList(null, true), decode('t', 0, 0, 0, 2, 'N', 'T'));
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("a", List.of());
        assertEquals(map, decode('d', 0, 0, 0, 1, 's', 0, 0, 0, 1, 'a', 'l', 0, 0, 0, 0));
    }

    @Test
    void roundTrips() {
        List<Object> values = new ArrayList<>(Arrays.asList(null, true, Long.MIN_VALUE, 2.5, "x",
                BigInteger.TWO.pow(70), List.of(1L, List.of("y")), Map.of("k", 1L)));
        for (Object v : values) {
            assertEquals(v, ValueCodec.decode(ByteBuffer.wrap(encode(v))));
        }
    }

    @Test
    void refusals() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encode(new StringBuilder[0].getClass()));
        assertTrue(e.getMessage().contains("java.lang.Class"), e.getMessage());
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        e = assertThrows(IllegalArgumentException.class, () -> encode(loop));
        assertTrue(e.getMessage().contains("deeper"), e.getMessage());
        IllegalStateException damaged = assertThrows(IllegalStateException.class, () -> decode('s', 0, 0, 0, 9, 'a'));
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
        assertThrows(IllegalStateException.class, () -> decode('?', 0, 0, 0, 0));
    }
}
