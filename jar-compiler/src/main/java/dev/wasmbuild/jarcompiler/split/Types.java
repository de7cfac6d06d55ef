package dev.wasmbuild.jarcompiler.split;

import java.util.Arrays;

/** Value types and function types as their bytes in the binary format. */
final class Types {
    static final byte I32 = 0x7f;
    static final byte I64 = 0x7e;
    static final byte F32 = 0x7d;
    static final byte F64 = 0x7c;

    private Types() {
    }

    static boolean isNumeric(byte t) {
        return t == I32 || t == I64 || t == F32 || t == F64;
    }

    /** JVM local slots a value of this type takes (a long or double takes two). */
    static int slots(byte t) {
        return t == I64 || t == F64 ? 2 : 1;
    }

    /** A function type: parameter and result value types. */
    record FuncType(byte[] params, byte[] results) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FuncType f && Arrays.equals(params, f.params) && Arrays.equals(results, f.results);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(params) + Arrays.hashCode(results);
        }
    }
}
