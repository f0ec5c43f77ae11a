package no.tilpass.engine.clib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;

/**
 * Encodes enumerated variables (one-hot, structural exactly-one) and tables of allowed tuples. Each table
 * is first compressed into Cartesian rows (a set of values per variable); each row gets a variable
 * {@code r <-> AND(var in set)} (structural, so fully defined), then the table's rule is "at least one
 * row" plus support clauses {@code var=value -> OR(rows allowing it)}, which give unit propagation the
 * strength of arc consistency on the table.
 */
final class TableEncoder {
    private final List<int[]> clauses = new ArrayList<>();
    private int[] ruleOf = new int[1024];
    private int variables;

    private TableEncoder() {}

    static SolutionSpace encode(String name, List<Domain> domains, List<Table> tables) {
        return new TableEncoder().run(name, domains, tables);
    }

    private void add(int rule, int[] clause) {
        if (clauses.size() == ruleOf.length) {
            ruleOf = Arrays.copyOf(ruleOf, ruleOf.length * 2);
        }
        ruleOf[clauses.size()] = rule;
        clauses.add(clause);
    }

    private SolutionSpace run(String name, List<Domain> domains, List<Table> tables) {
        int[] first = new int[domains.size()];
        List<Option> options = new ArrayList<>(domains.size());
        for (int d = 0; d < domains.size(); d++) {
            Domain domain = domains.get(d);
            first[d] = variables + 1;
            int[] lits = new int[domain.values().size()];
            for (int i = 0; i < lits.length; i++) {
                lits[i] = ++variables;
            }
            options.add(new Option(domain.name(), OptionKind.ENUM, domain.values(), lits, new int[0], -1));
            exactlyOne(lits);
        }
        List<Rule> rules = new ArrayList<>(tables.size());
        for (Table t : tables) {
            int rule = rules.size();
            StringBuilder vars = new StringBuilder();
            for (int v : t.variables()) {
                vars.append(vars.length() == 0 ? "" : ", ")
                        .append(domains.get(v).name());
            }
            rules.add(new Rule(t.file(), t.name(), "allowed combinations of " + vars, t.file()));
            table(rule, t, domains, first);
        }
        Cnf cnf = new Cnf(variables, clauses.toArray(new int[0][]), Arrays.copyOf(ruleOf, clauses.size()));
        return new SolutionSpace(name, options, rules, cnf);
    }

    private void exactlyOne(int[] lits) {
        add(Cnf.STRUCTURAL, lits.clone());
        for (int i = 0; i < lits.length; i++) {
            for (int j = i + 1; j < lits.length; j++) {
                add(Cnf.STRUCTURAL, new int[] {-lits[i], -lits[j]});
            }
        }
    }

    private void table(int rule, Table t, List<Domain> domains, int[] first) {
        int cols = t.variables().length;
        int[] size = new int[cols];
        for (int j = 0; j < cols; j++) {
            size[j] = domains.get(t.variables()[j]).values().size();
        }
        List<BitSet[]> rows = compress(t.tuples(), size);
        int[] rowLits = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            BitSet[] row = rows.get(r);
            int conditioned = 0;
            int only = -1;
            for (int j = 0; j < cols; j++) {
                if (row[j].cardinality() < size[j]) {
                    conditioned++;
                    only = j;
                }
            }
            if (conditioned == 0) {
                return; // a row allows everything: the table constrains nothing
            }
            if (conditioned == 1 && row[only].cardinality() == 1) {
                rowLits[r] = first[t.variables()[only]] + row[only].nextSetBit(0);
                continue;
            }
            int y = ++variables;
            rowLits[r] = y;
            List<Integer> back = new ArrayList<>();
            back.add(y);
            for (int j = 0; j < cols; j++) {
                if (row[j].cardinality() == size[j]) {
                    continue;
                }
                int base = first[t.variables()[j]];
                int[] c = new int[row[j].cardinality() + 1];
                c[0] = -y;
                int k = 1;
                for (int v = row[j].nextSetBit(0); v >= 0; v = row[j].nextSetBit(v + 1)) {
                    c[k++] = base + v;
                }
                add(Cnf.STRUCTURAL, c);
                for (int v = row[j].nextClearBit(0); v < size[j]; v = row[j].nextClearBit(v + 1)) {
                    back.add(base + v);
                }
            }
            add(Cnf.STRUCTURAL, back.stream().mapToInt(Integer::intValue).toArray());
        }
        add(rule, rowLits.clone());
        for (int j = 0; j < cols; j++) {
            int[][] support = new int[size[j]][];
            int[] count = new int[size[j]];
            for (int r = 0; r < rows.size(); r++) {
                BitSet s = rows.get(r)[j];
                for (int v = s.nextSetBit(0); v >= 0; v = s.nextSetBit(v + 1)) {
                    if (support[v] == null) {
                        support[v] = new int[8];
                        support[v][0] = 0;
                        count[v] = 1;
                    } else if (count[v] == support[v].length) {
                        support[v] = Arrays.copyOf(support[v], count[v] * 2);
                    }
                    support[v][count[v]++] = rowLits[r];
                }
            }
            int base = first[t.variables()[j]];
            for (int v = 0; v < size[j]; v++) {
                int[] c = support[v] == null ? new int[1] : Arrays.copyOf(support[v], count[v]);
                c[0] = -(base + v);
                add(rule, c);
            }
        }
    }

    /**
     * Merges tuples into Cartesian rows: rows equal on all but one variable are merged by uniting their
     * value sets there, until nothing merges. The rows cover exactly the allowed tuples.
     */
    static List<BitSet[]> compress(List<int[]> tuples, int[] size) {
        int cols = size.length;
        int[] offset = new int[cols + 1];
        for (int j = 0; j < cols; j++) {
            offset[j + 1] = offset[j] + (size[j] + 63) / 64;
        }
        List<long[]> rows = new ArrayList<>(tuples.size());
        for (int[] t : tuples) {
            long[] row = new long[offset[cols]];
            for (int j = 0; j < cols; j++) {
                if (t[j] < 0) {
                    for (int v = 0; v < size[j]; v++) {
                        row[offset[j] + v / 64] |= 1L << (v % 64);
                    }
                } else {
                    row[offset[j] + t[j] / 64] |= 1L << (t[j] % 64);
                }
            }
            rows.add(row);
        }
        boolean changed = true;
        while (changed && rows.size() > 1) {
            changed = false;
            for (int j = 0; j < cols; j++) {
                Map<Key, long[]> groups = new LinkedHashMap<>(rows.size() * 2);
                for (long[] row : rows) {
                    long[] key = row.clone();
                    Arrays.fill(key, offset[j], offset[j + 1], 0L);
                    long[] into = groups.putIfAbsent(new Key(key), row);
                    if (into != null) {
                        for (int w = offset[j]; w < offset[j + 1]; w++) {
                            into[w] |= row[w];
                        }
                    }
                }
                if (groups.size() < rows.size()) {
                    changed = true;
                    rows = new ArrayList<>(groups.values());
                }
            }
        }
        List<BitSet[]> result = new ArrayList<>(rows.size());
        for (long[] row : rows) {
            BitSet[] sets = new BitSet[cols];
            for (int j = 0; j < cols; j++) {
                sets[j] = BitSet.valueOf(Arrays.copyOfRange(row, offset[j], offset[j + 1]));
            }
            result.add(sets);
        }
        return result;
    }

    /** A row with one variable's words cleared, as a hash key. */
    private record Key(long[] words) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(words, k.words);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(words);
        }

        @Override
        public String toString() {
            return Arrays.toString(words);
        }
    }

    /** For tests: how many rows the tables compress into. */
    static Map<String, Integer> rowCounts(List<Table> tables, List<Domain> domains) {
        Map<String, Integer> out = new HashMap<>();
        for (Table t : tables) {
            int[] size = Arrays.stream(t.variables())
                    .map(v -> domains.get(v).values().size())
                    .toArray();
            out.put(t.name(), compress(t.tuples(), size).size());
        }
        return out;
    }
}
