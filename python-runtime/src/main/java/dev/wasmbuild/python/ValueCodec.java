package dev.wasmbuild.python;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java half of the tagged binary encoding that values cross the boundary in (the Python
 * half is in embed_driver.py): one tag byte, then a fixed-size number or a u32 length or
 * count. Binary and length-prefixed so that neither side parses text or escapes anything.
 *
 * <p>Python to Java: None → null, bool → Boolean, int → Long (BigInteger past 64 bits), float →
 * Double, str → String, bytes and bytearray → byte[], list and tuple → List, dict → Map
 * (insertion order kept). Java to Python: null, Boolean, Byte/Short/Integer/Long/BigInteger
 * (int), Float/Double (float), String/Character (str), byte[] (bytes), List, Set and arrays
 * (list), Map (dict).
 */
final class ValueCodec {
    static final byte NONE = 'N';
    static final byte TRUE = 'T';
    static final byte FALSE = 'F';
    static final byte INT64 = 'i';
    static final byte BIG_INT = 'I';
    static final byte FLOAT = 'f';
    static final byte STR = 's';
    static final byte BYTES = 'b';
    static final byte LIST = 'l';
    static final byte TUPLE = 't';
    static final byte DICT = 'd';
    /** Deeper Java values are refused rather than overflowing the stack on a cycle. */
    static final int MAX_DEPTH = 100;

    private ValueCodec() {
    }

    /** Appends value's encoding. */
    static void encode(Object value, ByteArrayOutputStream out) {
        encode(value, out, 0);
    }

    private static void encode(Object value, ByteArrayOutputStream out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("a value nested deeper than " + MAX_DEPTH
                    + " levels (or containing itself) cannot go to Python");
        }
        if (value == null) {
            out.write(NONE);
        } else if (value instanceof Boolean b) {
            out.write(b ? TRUE : FALSE);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.write(INT64);
            writeLong(out, ((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            byte[] b = big.toByteArray();
            out.write(BIG_INT);
            writeInt(out, b.length);
            out.writeBytes(b);
        } else if (value instanceof Double || value instanceof Float) {
            out.write(FLOAT);
            writeLong(out, Double.doubleToRawLongBits(((Number) value).doubleValue()));
        } else if (value instanceof CharSequence || value instanceof Character) {
            byte[] b = value.toString().getBytes(StandardCharsets.UTF_8);
            out.write(STR);
            writeInt(out, b.length);
            out.writeBytes(b);
        } else if (value instanceof byte[] b) {
            out.write(BYTES);
            writeInt(out, b.length);
            out.writeBytes(b);
        } else if (value instanceof java.util.Collection<?> items) {
            out.write(LIST);
            writeInt(out, items.size());
            for (Object item : items) {
                encode(item, out, depth + 1);
            }
        } else if (value instanceof Object[] items) {
            encode(java.util.Arrays.asList(items), out, depth);
        } else if (value instanceof Map<?, ?> map) {
            out.write(DICT);
            writeInt(out, map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                encode(e.getKey(), out, depth + 1);
                encode(e.getValue(), out, depth + 1);
            }
        } else {
            throw new IllegalArgumentException("a Java " + value.getClass().getName() + " has no Python value"
                    + " (null, Boolean, integers, BigInteger, Float, Double, String, byte[], List, Set, arrays"
                    + " and Map do)");
        }
    }

    /** Reads one value at the buffer's position, advancing it. */
    static Object decode(ByteBuffer in) {
        byte tag = in.get();
        switch (tag) {
            case NONE:
                return null;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case INT64:
                return in.getLong();
            case FLOAT:
                return in.getDouble();
            default:
                break;
        }
        int n = in.getInt();
        if (n < 0 || (tag != LIST && tag != TUPLE && tag != DICT && n > in.remaining())) {
            throw new IllegalStateException("a reply from python is damaged: length " + n + " for tag " + (char) tag);
        }
        switch (tag) {
            case BIG_INT:
                return new BigInteger(bytes(in, n));
            case STR:
                return new String(bytes(in, n), StandardCharsets.UTF_8);
            case BYTES:
                return bytes(in, n);
            case LIST:
            case TUPLE: {
                List<Object> items = new ArrayList<>(Math.min(n, in.remaining()));
                for (int i = 0; i < n; i++) {
                    items.add(decode(in));
                }
                return items;
            }
            case DICT: {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object key = decode(in);
                    map.put(key, decode(in));
                }
                return map;
            }
            default:
                throw new IllegalStateException("a reply from python is damaged: unknown tag " + (tag & 0xff));
        }
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        writeInt(out, (int) (v >>> 32));
        writeInt(out, (int) v);
    }
}
