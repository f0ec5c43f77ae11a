package no.tilpass.engine.cutting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import no.tilpass.engine.cutting.CuttingOutcome.BarPlan;
import no.tilpass.engine.cutting.CuttingOutcome.Cut;
import no.tilpass.engine.cutting.CuttingOutcome.Planned;
import no.tilpass.engine.cutting.CuttingOutcome.ProfilePlan;
import no.tilpass.engine.cutting.CuttingOutcome.Rejected;
import no.tilpass.engine.cutting.CuttingRequest.Bar;
import no.tilpass.engine.cutting.CuttingRequest.Piece;
import no.tilpass.engine.cutting.CuttingRequest.Remnant;
import org.junit.jupiter.api.Test;

class CuttingPlannerTest {
    private static final Duration LIMIT = Duration.ofMillis(300);

    /**
     * Independent check of a plan: every piece cut exactly once from its own profile; cuts start after
     * the trim, are a kerf apart and end inside the bar; each stock remnant used at most once, with its
     * own length and profile; kept remnants are the leftover and at least the minimum; waste adds up.
     */
    static void assertValidPlan(CuttingRequest request, Planned plan, String context) {
        Map<String, Integer> wanted = new HashMap<>();
        for (Piece piece : request.pieces()) {
            wanted.merge(
                    piece.orderId() + "/" + piece.itemId() + "/" + piece.profile() + "/" + piece.length(),
                    1,
                    Integer::sum);
        }
        Map<String, Remnant> stock = new HashMap<>();
        for (Remnant remnant : request.stock()) {
            stock.put(remnant.id(), remnant);
        }
        Map<String, Integer> barLength = new HashMap<>();
        request.bars().forEach(b -> barLength.put(b.profile(), b.length()));
        List<String> usedRemnants = new ArrayList<>();
        long waste = 0;
        int newBars = 0;
        for (ProfilePlan profile : plan.profiles()) {
            long profileWaste = 0;
            for (BarPlan bar : profile.bars()) {
                if (bar.source().equals("new")) {
                    newBars++;
                    assertThat(bar.length()).as(context).isEqualTo(barLength.get(profile.profile()));
                } else {
                    Remnant remnant = stock.get(bar.source());
                    assertThat(remnant)
                            .as(context + ": unknown remnant " + bar.source())
                            .isNotNull();
                    assertThat(remnant.profile()).as(context).isEqualTo(profile.profile());
                    assertThat(bar.length()).as(context).isEqualTo(remnant.length());
                    assertThat(usedRemnants)
                            .as(context + ": remnant used twice")
                            .doesNotContain(bar.source());
                    usedRemnants.add(bar.source());
                }
                assertThat(bar.cuts()).as(context + ": empty bar").isNotEmpty();
                long position = request.trim();
                long pieces = 0;
                for (Cut cut : bar.cuts()) {
                    assertThat((long) cut.offset())
                            .as(context + ": cut overlaps trim or kerf")
                            .isGreaterThanOrEqualTo(position);
                    assertThat((long) cut.offset() + cut.length())
                            .as(context + ": cut past the bar end")
                            .isLessThanOrEqualTo(bar.length());
                    String key = cut.orderId() + "/" + cut.itemId() + "/" + profile.profile() + "/" + cut.length();
                    assertThat(wanted.getOrDefault(key, 0))
                            .as(context + ": unexpected cut " + key)
                            .isPositive();
                    wanted.merge(key, -1, Integer::sum);
                    position = (long) cut.offset() + cut.length() + request.kerf();
                    pieces += cut.length();
                }
                long leftover = Math.max(0, bar.length() - position);
                if (bar.keptRemnant() > 0) {
                    assertThat((long) bar.keptRemnant()).as(context).isEqualTo(leftover);
                    assertThat(bar.keptRemnant()).as(context).isGreaterThanOrEqualTo(request.minRemnant());
                } else {
                    assertThat(leftover)
                            .as(context + ": usable leftover thrown away")
                            .isLessThan(Math.max(1, request.minRemnant()));
                }
                assertThat(pieces + bar.waste() + bar.keptRemnant()).as(context).isEqualTo(bar.length());
                profileWaste += bar.waste();
            }
            assertThat(profile.waste()).as(context).isEqualTo(profileWaste);
            waste += profileWaste;
        }
        assertThat(wanted.values())
                .as(context + ": pieces not cut exactly once " + wanted)
                .allMatch(v -> v == 0);
        assertThat(plan.totals().waste()).as(context).isEqualTo(waste);
        assertThat(plan.totals().newBars()).as(context).isEqualTo(newBars);
        assertThat(plan.totals().remnantsUsed()).as(context).isEqualTo(usedRemnants.size());
    }

    @Test
    void random_orders_give_valid_plans() {
        for (long seed = 1; seed <= 60; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int kerf = random.nextInt(6);
            int trim = random.nextInt(3) * 10;
            int minRemnant = 300 + random.nextInt(700);
            List<Bar> bars = List.of(new Bar("AL-40x40", 6000), new Bar("ST-20x20", 3000 + random.nextInt(4000)));
            List<Piece> pieces = new ArrayList<>();
            int n = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                String profile = random.nextBoolean() ? "AL-40x40" : "ST-20x20";
                pieces.add(new Piece("O-" + (1 + random.nextInt(5)), "I-" + i, profile, 50 + random.nextInt(2900)));
            }
            List<Remnant> stock = new ArrayList<>();
            for (int r = 0; r < random.nextInt(6); r++) {
                stock.add(new Remnant(
                        "R" + r, random.nextBoolean() ? "AL-40x40" : "ST-20x20", 400 + random.nextInt(2500)));
            }
            CuttingRequest request = new CuttingRequest(pieces, bars, stock, kerf, trim, minRemnant);
            CuttingOutcome outcome = CuttingPlanner.plan(request, LIMIT, seed);
            String context = "seed " + seed;
            assertThat(outcome).as(context).isInstanceOf(Planned.class);
            assertValidPlan(request, (Planned) outcome, context);
        }
    }

    @Test
    void kerf_and_trim_are_counted_so_three_pieces_of_2000_do_not_fit_a_6000_bar() {
        List<Piece> pieces = List.of(
                new Piece("O-1", "a", "P", 2000), new Piece("O-1", "b", "P", 2000), new Piece("O-1", "c", "P", 2000));
        CuttingRequest noSaw = new CuttingRequest(pieces, List.of(new Bar("P", 6000)), List.of(), 0, 0, 500);
        CuttingRequest withSaw = new CuttingRequest(pieces, List.of(new Bar("P", 6000)), List.of(), 3, 10, 500);
        Planned exact = (Planned) CuttingPlanner.plan(noSaw, LIMIT, 1);
        Planned sawn = (Planned) CuttingPlanner.plan(withSaw, LIMIT, 1);
        assertThat(exact.totals().newBars()).isEqualTo(1);
        assertThat(sawn.totals().newBars()).isEqualTo(2);
        assertValidPlan(withSaw, sawn, "kerf 3 trim 10");
        // the first cut starts after the trim, the second a kerf after the first
        List<Cut> cuts = sawn.profiles().get(0).bars().get(0).cuts();
        assertThat(cuts.get(0).offset()).isEqualTo(10);
        assertThat(cuts.get(1).offset()).isEqualTo(10 + 2000 + 3);
    }

    @Test
    void a_remnant_in_stock_is_used_before_a_new_bar_and_a_long_leftover_is_kept() {
        CuttingRequest request = new CuttingRequest(
                List.of(new Piece("O-7", "rail", "P", 1200), new Piece("O-7", "post", "P", 4000)),
                List.of(new Bar("P", 6000)),
                List.of(new Remnant("R-12", "P", 1500)),
                3,
                0,
                500);
        Planned plan = (Planned) CuttingPlanner.plan(request, LIMIT, 1);
        assertValidPlan(request, plan, "remnant first");
        ProfilePlan profile = plan.profiles().get(0);
        assertThat(profile.remnantsUsed()).isEqualTo(1);
        assertThat(profile.bars().get(0).source()).isEqualTo("R-12");
        assertThat(profile.bars().get(0).cuts()).extracting(Cut::itemId).containsExactly("rail");
        // new bar: 4000 + kerf 3 leaves 1997 mm, kept as a remnant
        assertThat(profile.bars().get(1).keptRemnant()).isEqualTo(1997);
        assertThat(plan.totals().remnantsKept()).isEqualTo(1);
    }

    @Test
    void a_piece_longer_than_a_new_bar_goes_into_a_long_enough_remnant() {
        CuttingRequest request = new CuttingRequest(
                List.of(new Piece("O-3", "beam", "P", 6500), new Piece("O-3", "stub", "P", 300)),
                List.of(new Bar("P", 6000)),
                List.of(new Remnant("R-1", "P", 7000), new Remnant("R-2", "P", 6600)),
                3,
                0,
                500);
        Planned plan = (Planned) CuttingPlanner.plan(request, LIMIT, 1);
        assertValidPlan(request, plan, "oversize");
        assertThat(plan.totals().newBars()).isZero();
    }

    @Test
    void a_piece_longer_than_any_bar_is_rejected_with_a_maybe_line() {
        CuttingRequest request = new CuttingRequest(
                List.of(new Piece("O-9", "mast", "AL-40x40", 6200)),
                List.of(new Bar("AL-40x40", 6000)),
                List.of(new Remnant("R-4", "AL-40x40", 2000)),
                3,
                10,
                500);
        CuttingOutcome outcome = CuttingPlanner.plan(request, LIMIT, 1);
        assertThat(outcome).isInstanceOf(Rejected.class);
        CuttingOutcome.Problem problem = ((Rejected) outcome).problems().get(0);
        assertThat(problem.where()).contains("pieces[0]").contains("O-9").contains("mast");
        assertThat(problem.message()).contains("6200").contains("5990");
        assertThat(problem.maybe()).startsWith("Maybe");
    }

    @Test
    void a_profile_without_a_bar_length_and_a_negative_kerf_are_rejected() {
        CuttingRequest request = new CuttingRequest(
                List.of(new Piece("O-1", "x", "ST-20", 500)), List.of(new Bar("AL-40", 6000)), List.of(), -1, 0, 0);
        Rejected rejected = (Rejected) CuttingPlanner.plan(request, LIMIT, 1);
        assertThat(rejected.problems())
                .extracting(CuttingOutcome.Problem::where)
                .containsExactly("kerf", "pieces[0] (order O-1, item x)");
        assertThat(rejected.problems()).allSatisfy(p -> assertThat(p.maybe()).startsWith("Maybe"));
    }

    @Test
    void the_new_bars_match_the_brute_force_optimum_on_small_orders() {
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int kerf = random.nextInt(5);
            int trim = random.nextInt(20);
            int n = 1 + random.nextInt(9);
            List<Piece> pieces = new ArrayList<>();
            int[] sizes = new int[n];
            for (int i = 0; i < n; i++) {
                int length = 500 + random.nextInt(3000);
                pieces.add(new Piece("O", "I" + i, "P", length));
                sizes[i] = length + kerf;
            }
            CuttingRequest request =
                    new CuttingRequest(pieces, List.of(new Bar("P", 6000)), List.of(), kerf, trim, 500);
            Planned plan = (Planned) CuttingPlanner.plan(request, LIMIT, seed);
            String context = "seed " + seed;
            assertValidPlan(request, plan, context);
            assertThat(plan.totals().newBars())
                    .as(context)
                    .isEqualTo(BinPackerTest.bruteForce(sizes, 6000 - trim + kerf));
        }
    }

    @Test
    void profiles_are_planned_in_the_order_they_first_appear() {
        CuttingRequest request = new CuttingRequest(
                List.of(new Piece("O", "1", "B", 100), new Piece("O", "2", "A", 100)),
                List.of(new Bar("A", 1000), new Bar("B", 1000)),
                List.of(),
                0,
                0,
                0);
        Planned plan = (Planned) CuttingPlanner.plan(request, LIMIT, 1);
        assertThat(plan.profiles()).extracting(ProfilePlan::profile).containsExactly("B", "A");
    }
}
