package no.tilpass.engine.testsupport;

import java.util.Arrays;

/** Arrays of SAT literals (assumptions) as the oracle tests extend and shrink them. */
public final class Literals {
    private Literals() {}

    /** {@code a} followed by {@code b}. */
    public static int[] plus(int[] a, int... b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** {@code a} without the literal at {@code index}. */
    public static int[] without(int[] a, int index) {
        int[] out = new int[a.length - 1];
        for (int i = 0, k = 0; i < a.length; i++) {
            if (i != index) {
                out[k++] = a[i];
            }
        }
        return out;
    }
}
