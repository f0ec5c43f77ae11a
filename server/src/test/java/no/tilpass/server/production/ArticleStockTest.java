package no.tilpass.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import no.tilpass.engine.production.OrderRelease;
import org.junit.jupiter.api.Test;

class ArticleStockTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static OrderRelease.MaterialNeed need(String item, long quantity) {
        return new OrderRelease.MaterialNeed(item, item, quantity, 0, 0);
    }

    @Test
    void free_pieces_are_reserved_and_the_rest_arrives_after_the_lead_time() {
        ArticleStock stock = new ArticleStock(List.of(new ArticleStock.Level("motor", 5, 3, 28)));

        List<ArticleStock.Line> lines = stock.reserve(List.of(need("motor", 4)), TODAY);

        assertThat(lines)
                .containsExactly(
                        new ArticleStock.Line("motor", "motor", 4, 2, 2, Optional.of(TODAY.plusDays(28)), true));
        assertThat(stock.level("motor").orElseThrow().free()).isZero();
        assertThat(ArticleStock.arrival(lines)).contains(TODAY.plusDays(28));
    }

    @Test
    void an_article_not_in_the_stock_is_always_available_and_never_reserved() {
        ArticleStock stock = new ArticleStock(List.of());

        List<ArticleStock.Line> lines = stock.reserve(List.of(need("screws", 40)), TODAY);

        assertThat(lines).containsExactly(new ArticleStock.Line("screws", "screws", 40, 0, 0, Optional.empty(), false));
        assertThat(ArticleStock.arrival(lines)).isEmpty();
    }

    @Test
    void a_promise_reserves_on_a_copy_and_leaves_the_stock_as_it_was() {
        ArticleStock stock = new ArticleStock(List.of(new ArticleStock.Level("glass", 10, 0, 10)));

        stock.copy().reserve(List.of(need("glass", 7)), TODAY);

        assertThat(stock.level("glass").orElseThrow().reserved()).isZero();
    }

    @Test
    void reserving_in_sequence_never_gives_out_more_than_on_hand_against_a_simple_count() {
        long seed = 20261201L;
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            long onHand = random.nextInt(20);
            int lead = 1 + random.nextInt(30);
            ArticleStock stock = new ArticleStock(List.of(new ArticleStock.Level("a", onHand, 0, lead)));
            long left = onHand;
            List<Long> reserved = new ArrayList<>();
            for (int order = 0; order < 5; order++) {
                long want = 1 + random.nextInt(8);
                ArticleStock.Line line =
                        stock.reserve(List.of(need("a", want)), TODAY).get(0);
                long expected = Math.min(want, left);
                left -= expected;
                assertThat(line.reserved()).as("seed %d round %d", seed, round).isEqualTo(expected);
                assertThat(line.shortage()).as("seed %d round %d", seed, round).isEqualTo(want - expected);
                assertThat(line.arrival())
                        .as("seed %d round %d", seed, round)
                        .isEqualTo(want > expected ? Optional.of(TODAY.plusDays(lead)) : Optional.empty());
                reserved.add(line.reserved());
            }
            assertThat(reserved.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(onHand);
        }
    }
}
