package no.tilpass.engine.diagram;

import java.util.Arrays;

/**
 * A reduced ordered BDD manager for one compilation: nodes in flat arrays with a unique table (hash
 * consing) and a direct-mapped cache for conjunction. Nodes are never freed; the compilation gives up
 * when {@code limit} nodes exist. Node 0 is false, node 1 is true; variables are levels 0..n-1.
 */
final class Builder {
    static final int FALSE = 0;
    static final int TRUE = 1;

    /**
     * Thrown (and caught by {@link DecisionDiagram}) when the node limit or the deadline is reached; no
     * stack trace.
     */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("decision diagram node limit or deadline reached", null, false, false);
        }
    }

    /** New nodes between two looks at the clock. */
    private static final int CLOCK_EVERY = 4096;

    private final int terminalLevel;
    private final int limit;
    private final long deadline; // System.nanoTime() after which compiling gives up
    private int[] level;
    private int[] lo;
    private int[] hi;
    private int count;
    private int[] unique;
    private int[] cacheA;
    private int[] cacheB;
    private int[] cacheR;

    Builder(int levels, int limit) {
        this(levels, limit, Long.MAX_VALUE);
    }

    /** As {@link #Builder(int, int)}, giving up too once {@link System#nanoTime()} passes {@code deadline}. */
    Builder(int levels, int limit, long deadline) {
        this.terminalLevel = levels;
        this.limit = limit;
        this.deadline = deadline;
        int capacity = 1 << 12;
        this.level = new int[capacity];
        this.lo = new int[capacity];
        this.hi = new int[capacity];
        level[FALSE] = terminalLevel;
        level[TRUE] = terminalLevel;
        count = 2;
        this.unique = new int[capacity * 2];
        newCache(1 << 14);
    }

    int count() {
        return count;
    }

    int level(int node) {
        return level[node];
    }

    int lo(int node) {
        return lo[node];
    }

    int hi(int node) {
        return hi[node];
    }

    /** The node testing {@code lvl} with children {@code l} (false) and {@code h} (true). */
    int mk(int lvl, int l, int h) {
        if (l == h) {
            return l;
        }
        int mask = unique.length - 1;
        int slot = hash(lvl, l, h) & mask;
        while (true) {
            int n = unique[slot];
            if (n == 0) {
                break;
            }
            if (level[n] == lvl && lo[n] == l && hi[n] == h) {
                return n;
            }
            slot = (slot + 1) & mask;
        }
        if (count >= limit
                || (count % CLOCK_EVERY == 0 && deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0)) {
            throw new TooLarge();
        }
        if (count == level.length) {
            int capacity = level.length * 2;
            level = Arrays.copyOf(level, capacity);
            lo = Arrays.copyOf(lo, capacity);
            hi = Arrays.copyOf(hi, capacity);
        }
        int n = count++;
        level[n] = lvl;
        lo[n] = l;
        hi[n] = h;
        unique[slot] = n;
        if (count * 2 > unique.length) {
            rehash();
        }
        return n;
    }

    /** The conjunction of two nodes. */
    int and(int a, int b) {
        if (a == FALSE || b == FALSE) {
            return FALSE;
        }
        if (a == TRUE || a == b) {
            return b;
        }
        if (b == TRUE) {
            return a;
        }
        return apply(AND, a, b);
    }

    /** The disjunction of two nodes. */
    int or(int a, int b) {
        if (a == TRUE || b == TRUE) {
            return TRUE;
        }
        if (a == FALSE || a == b) {
            return b;
        }
        if (b == FALSE) {
            return a;
        }
        return apply(OR, a, b);
    }

    /** {@code a} with the variable at level {@code lvl} existentially quantified. */
    int exists(int a, int lvl) {
        if (level[a] > lvl) {
            return a;
        }
        if (level[a] == lvl) {
            return or(lo[a], hi[a]);
        }
        int key = -1 - lvl;
        int slot = slot(key, a);
        if (cacheA[slot] == key && cacheB[slot] == a) {
            return cacheR[slot];
        }
        int r = mk(level[a], exists(lo[a], lvl), exists(hi[a], lvl));
        remember(key, a, r);
        return r;
    }

    /** {@code a} with the variable at level {@code lvl} fixed to {@code value}. */
    int restrict(int a, int lvl, boolean value) {
        if (level[a] > lvl) {
            return a;
        }
        if (level[a] == lvl) {
            return value ? hi[a] : lo[a];
        }
        int key = value ? -1_000_000_000 - lvl : -500_000_000 - lvl;
        int slot = slot(key, a);
        if (cacheA[slot] == key && cacheB[slot] == a) {
            return cacheR[slot];
        }
        int r = mk(level[a], restrict(lo[a], lvl, value), restrict(hi[a], lvl, value));
        remember(key, a, r);
        return r;
    }

    /** The negation of {@code a}. */
    int not(int a) {
        if (a <= TRUE) {
            return 1 - a;
        }
        int key = NOT;
        int slot = slot(key, a);
        if (cacheA[slot] == key && cacheB[slot] == a) {
            return cacheR[slot];
        }
        int r = mk(level[a], not(lo[a]), not(hi[a]));
        remember(key, a, r);
        return r;
    }

    private static final int NOT = 3 << 29;
    private static final int AND = 1 << 30;
    private static final int OR = 1 << 29;

    private int apply(int op, int a, int b) {
        if (a > b) {
            int t = a;
            a = b;
            b = t;
        }
        int key = a | op;
        int slot = slot(key, b);
        if (cacheA[slot] == key && cacheB[slot] == b) {
            return cacheR[slot];
        }
        int la = level[a];
        int lb = level[b];
        int m = Math.min(la, lb);
        int a0 = la == m ? lo[a] : a;
        int a1 = la == m ? hi[a] : a;
        int b0 = lb == m ? lo[b] : b;
        int b1 = lb == m ? hi[b] : b;
        int r0 = op == AND ? and(a0, b0) : or(a0, b0);
        int r1 = op == AND ? and(a1, b1) : or(a1, b1);
        int r = mk(m, r0, r1);
        remember(key, b, r);
        return r;
    }

    private int slot(int key, int b) {
        return (key * 0x9E3779B1 + b * 0x85EBCA77) >>> 7 & (cacheA.length - 1);
    }

    private void remember(int key, int b, int r) {
        if (count > cacheA.length * 2 && cacheA.length < (1 << 22)) {
            newCache(cacheA.length * 4);
        }
        int slot = slot(key, b);
        cacheA[slot] = key;
        cacheB[slot] = b;
        cacheR[slot] = r;
    }

    /**
     * The disjunction of literals, given as (level, positive) pairs sorted by level descending without
     * repeated levels.
     */
    int clause(int[] levels, boolean[] positive) {
        int r = FALSE;
        for (int i = 0; i < levels.length; i++) {
            r = positive[i] ? mk(levels[i], r, TRUE) : mk(levels[i], TRUE, r);
        }
        return r;
    }

    private void newCache(int size) {
        cacheA = new int[size];
        cacheB = new int[size];
        cacheR = new int[size];
        Arrays.fill(cacheA, Integer.MIN_VALUE);
    }

    private void rehash() {
        int[] table = new int[unique.length * 2];
        int mask = table.length - 1;
        for (int n = 2; n < count; n++) {
            int slot = hash(level[n], lo[n], hi[n]) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = n;
        }
        unique = table;
    }

    private static int hash(int lvl, int l, int h) {
        int x = lvl * 0x9E3779B1 ^ l * 0x85EBCA77 ^ h * 0xC2B2AE3D;
        return x ^ (x >>> 15);
    }
}
