package no.tilpass.engine.clib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import no.tilpass.engine.counting.ModelCounter;
import no.tilpass.engine.diagram.DecisionDiagram;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.engine.space.SolutionSpace;
import no.tilpass.engine.testing.Oracles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

class ClibRenaultIT {
    private static final Path RENAULT = Oracles.configuration("renault");
    private static SolutionSpace space;
    /** The tables as the test reads them itself: per table, its tuples as name=value maps. */
    private static List<List<Map<String, String>>> tables;

    @BeforeAll
    static void load() throws IOException {
        LoadResult r = ClibReader.read(RENAULT);
        assertThat(r)
                .as(() -> r instanceof LoadResult.Failed f ? f.errors().get(0).format() : "")
                .isInstanceOf(LoadResult.Loaded.class);
        space = ((LoadResult.Loaded) r).space();
        tables = new ArrayList<>();
        try (Stream<Path> files = Files.list(RENAULT.resolve("rules"))) {
            for (Path f : files.sorted().toList()) {
                List<Map<String, String>> tuples = new ArrayList<>();
                for (String line : Files.readAllLines(f)) {
                    if (line.isBlank() || line.strip().startsWith("or")) {
                        continue;
                    }
                    Map<String, String> t = new java.util.LinkedHashMap<>();
                    for (String part : line.strip().split("\\s+and\\s+")) {
                        String[] kv = part.split("=");
                        t.put(kv[0].strip(), kv[1].strip());
                    }
                    tuples.add(t);
                }
                tables.add(tuples);
            }
        }
    }

    @Test
    void every_variable_becomes_an_enum_option_and_every_table_a_rule() {
        assertThat(space.options()).hasSize(99);
        assertThat(space.options()).allMatch(o -> o.kind() == OptionKind.ENUM);
        assertThat(space.options().stream().mapToInt(Option::valueCount).sum()).isEqualTo(396);
        assertThat(space.rules()).hasSize(111);
        assertThat(space.rules().get(0).id()).isEqualTo("renault_rule001.pm");
        assertThat(space.rules().get(0).explanation()).startsWith("allowed combinations of Var1, Var3, ");
    }

    @Test
    void sat4j_finds_a_configuration_that_matches_a_tuple_of_every_table() throws TimeoutException {
        ISolver solver = Oracles.sat4j(space.cnf()).orElseThrow();
        assertThat(solver.isSatisfiable()).isTrue();
        Map<String, String> chosen = decode(solver.model());
        for (int i = 0; i < tables.size(); i++) {
            boolean matched = tables.get(i).stream().anyMatch(t -> t.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(chosen.get(e.getKey()))));
            assertThat(matched)
                    .as("configuration matches table %s", space.rules().get(i).id())
                    .isTrue();
        }
    }

    @Test
    void random_partial_configurations_agree_with_a_naive_table_encoding() throws TimeoutException {
        Optional<ISolver> encoded = Oracles.sat4j(space.cnf());
        ISolver naive = naive();
        long seed = 20261123L;
        Random random = new Random(seed);
        int unsat = 0;
        for (int session = 0; session < 6; session++) {
            List<Integer> lits = new ArrayList<>();
            for (int step = 0; step < 8; step++) {
                Option o = space.options().get(random.nextInt(space.options().size()));
                lits.add(o.literal(random.nextInt(o.valueCount())));
                int[] a = lits.stream().mapToInt(Integer::intValue).toArray();
                boolean expected = naive.isSatisfiable(new VecInt(a));
                assertThat(Oracles.satisfiable(encoded, a))
                        .as("seed %d session %d step %d, literals %s", seed, session, step, lits)
                        .isEqualTo(expected);
                if (!expected) {
                    unsat++;
                    lits.remove(lits.size() - 1);
                }
            }
        }
        assertThat(unsat)
                .as("the random sessions reach some inconsistent choices")
                .isPositive();
    }

    @Test
    void the_model_compiles_into_a_decision_diagram_that_counts_like_the_component_counter() {
        DecisionDiagram diagram = DecisionDiagram.compile(space, DecisionDiagram.DEFAULT_NODE_LIMIT)
                .orElseThrow(() -> new AssertionError("the Renault model did not compile"));
        BigInteger expected = ModelCounter.count(space.cnf());
        assertThat(diagram.count(new int[0])).isEqualTo(expected);
        Random random = new Random(11);
        for (int trial = 0; trial < 5; trial++) {
            int[] decisions = new int[3];
            for (int i = 0; i < decisions.length; i++) {
                Option option =
                        space.options().get(random.nextInt(space.options().size()));
                decisions[i] = option.literal(random.nextInt(option.valueCount()));
            }
            assertThat(diagram.count(decisions))
                    .as("seed 11, trial %d, decisions %s", trial, java.util.Arrays.toString(decisions))
                    .isEqualTo(ModelCounter.count(space.cnf(), decisions));
        }
    }

    @Test
    void a_combination_missing_from_a_table_is_unsatisfiable() {
        Optional<ISolver> encoded = Oracles.sat4j(space.cnf());
        long seed = 7L;
        Random random = new Random(seed);
        int checked = 0;
        for (int attempt = 0; attempt < 200 && checked < 25; attempt++) {
            int ti = random.nextInt(tables.size());
            List<Map<String, String>> table = tables.get(ti);
            Map<String, String> probe = new java.util.LinkedHashMap<>();
            for (String var : table.get(0).keySet()) {
                Option o = space.option(var).orElseThrow();
                probe.put(var, o.values().get(random.nextInt(o.valueCount())));
            }
            boolean allowed = table.contains(probe);
            int[] a = probe.entrySet().stream()
                    .mapToInt(e -> literal(e.getKey(), e.getValue()))
                    .toArray();
            if (!allowed) {
                assertThat(Oracles.satisfiable(encoded, a))
                        .as("seed %d: %s is not in table %d", seed, probe, ti + 1)
                        .isFalse();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(25);
    }

    private static int literal(String option, String value) {
        Option o = space.option(option).orElseThrow();
        return o.literal(o.indexOf(value));
    }

    private static Map<String, String> decode(int[] model) {
        boolean[] truth = new boolean[space.cnf().variableCount() + 1];
        for (int l : model) {
            if (l > 0) {
                truth[l] = true;
            }
        }
        Map<String, String> chosen = new java.util.HashMap<>();
        for (Option o : space.options()) {
            for (int i = 0; i < o.valueCount(); i++) {
                if (truth[o.literal(i)]) {
                    assertThat(chosen.put(o.name(), o.values().get(i)))
                            .as(o.name())
                            .isNull();
                }
            }
        }
        assertThat(chosen).hasSize(space.options().size());
        return chosen;
    }

    /**
     * Exactly-one per option, and per table: one selector per tuple implying its values, one selector
     * true, and each value implying a selector of a tuple with it (for speed; no compression).
     */
    private static ISolver naive() {
        ISolver s = SolverFactory.newDefault();
        try {
            int next = space.cnf().variableCount();
            List<int[]> clauses = new ArrayList<>();
            for (Option o : space.options()) {
                clauses.add(o.literals());
                for (int i = 0; i < o.valueCount(); i++) {
                    for (int j = i + 1; j < o.valueCount(); j++) {
                        clauses.add(new int[] {-o.literal(i), -o.literal(j)});
                    }
                }
            }
            for (List<Map<String, String>> table : tables) {
                int[] selectors = new int[table.size()];
                Map<Integer, List<Integer>> support = new java.util.HashMap<>();
                for (int k = 0; k < table.size(); k++) {
                    int sel = ++next;
                    selectors[k] = sel;
                    for (Map.Entry<String, String> e : table.get(k).entrySet()) {
                        int lit = literal(e.getKey(), e.getValue());
                        clauses.add(new int[] {-sel, lit});
                        support.computeIfAbsent(lit, x -> new ArrayList<>()).add(sel);
                    }
                }
                clauses.add(selectors);
                for (String var : table.get(0).keySet()) {
                    for (int lit : space.option(var).orElseThrow().literals()) {
                        List<Integer> c = new ArrayList<>(List.of(-lit));
                        c.addAll(support.getOrDefault(lit, List.of()));
                        clauses.add(c.stream().mapToInt(Integer::intValue).toArray());
                    }
                }
            }
            s.newVar(next);
            for (int[] c : clauses) {
                s.addClause(new VecInt(c));
            }
        } catch (ContradictionException e) {
            throw new AssertionError(e);
        }
        return s;
    }

    @Test
    void every_table_that_forbids_a_combination_has_clauses_tagged_with_its_rule() {
        Cnf cnf = space.cnf();
        boolean[] seen = new boolean[space.rules().size()];
        for (int i = 0; i < cnf.clauseCount(); i++) {
            if (cnf.ruleOf(i) >= 0) {
                seen[cnf.ruleOf(i)] = true;
            }
        }
        for (int r = 0; r < seen.length; r++) {
            List<Map<String, String>> table = tables.get(r);
            long combinations = table.get(0).keySet().stream()
                    .mapToLong(v -> space.option(v).orElseThrow().valueCount())
                    .reduce(1, (a, b) -> a * b);
            boolean vacuous = new java.util.HashSet<>(table).size() == combinations;
            assertThat(seen[r])
                    .as(
                            "%s has clauses unless it allows every combination",
                            space.rules().get(r).id())
                    .isEqualTo(!vacuous);
        }
    }
}
