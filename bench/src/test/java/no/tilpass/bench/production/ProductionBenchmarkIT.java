package no.tilpass.bench.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionBenchmarkIT {
    static final long SEED = 3;

    /**
     * A Sunday evening on the plant's clock: the eight orders' work begins on Monday morning and fills more than
     * a day, so there are two days with work after today to close. On the real time the test failed at 07:55 on
     * a Friday, when the work fitted in the rest of Friday and Monday.
     */
    static final LocalDateTime SUNDAY_EVENING = LocalDateTime.parse("2026-12-06T20:00");

    @Test
    void a_small_run_places_every_order_times_every_step_and_covers_the_waiting_orders_with_one_receipt()
            throws Exception {
        StringWriter log = new StringWriter();
        ProductionBenchmark.Outcome outcome = ProductionBenchmark.run(
                new ProductionBenchmark.Settings(8, 5, 0.2, 0.5, 2, SEED, Optional.of(SUNDAY_EVENING)),
                new PrintWriter(log, true));

        assertThat(outcome).as("seed %d: %s", SEED, log).isInstanceOf(ProductionBenchmark.Outcome.Measured.class);
        ProductionReport report = ((ProductionBenchmark.Outcome.Measured) outcome).report();
        assertThat(report.errors()).as("seed %d: %s", SEED, log).isZero();
        assertThat(report.placed()).isEqualTo(8);
        assertThat(report.motorised())
                .as("seed %d draws motorised orders", SEED)
                .isBetween(1, 7);
        assertThat(report.steps()).isEqualTo(5);
        assertThat(report.stepP50Millis()).isPositive().isLessThanOrEqualTo(report.stepP95Millis());
        assertThat(report.stepP95Millis()).isLessThanOrEqualTo(report.stepMaxMillis());
        assertThat(report.afterOrderSteps())
                .as("of 8 orders the first (every tenth) is followed by a timed step")
                .isEqualTo(1);
        assertThat(report.afterOrderP50Millis()).isPositive();
        assertThat(report.orderP50Millis()).isPositive().isLessThanOrEqualTo(report.orderP95Millis());
        assertThat(report.settleMillis()).isNotNegative();
        assertThat(report.replansLanded() + report.replansUnderLock())
                .as("the re-plans after the orders: at least the last one is written")
                .isPositive();
        assertThat(report.workingDays()).as("a delivery date was read").isNotNegative();
        assertThat(report.receiptItem()).as("motors are never in stock").isEqualTo("motor");
        assertThat(report.coveredOrders())
                .as("a receipt of every motor short covers every motorised order")
                .isEqualTo(report.motorised());
        assertThat(report.receiptMillis()).isPositive();
        assertThat(report.planMillis()).isPositive();
        assertThat(report.closedDays())
                .as("a closing of the next two days with work")
                .isEqualTo(2);
        assertThat(report.closingMillis()).isPositive();
        assertThat(report.closingMovedOrders())
                .as("two busy days closed move some order")
                .isPositive();
        assertThat(report.reopeningMillis()).isPositive();
        assertThat(report.lateAfterReopening())
                .as("calling the closing off brings back every order")
                .isLessThanOrEqualTo(report.lateBeforeClosing());
        assertThat(report.downtimeCentre())
                .as("a work centre with work that day")
                .isNotNull();
        assertThat(report.downtimeMillis()).isPositive();

        assertThat(log.toString()).contains("the plant's clock from 2026-12-06T20:00");
        assertThat(report.cuttingMillis())
                .as("a cutting plan of the uncut orders")
                .isPositive();
        assertThat(report.cutPieces())
                .as("every placed window is at least its four frame pieces")
                .isGreaterThanOrEqualTo(4L * report.placed());
        assertThat(report.cuttingNewBars() + report.cuttingRemnantsUsed()).isPositive();
        assertThat(report.cutPieceMm())
                .as("the pieces fit in the material, kerf and trim besides")
                .isPositive()
                .isLessThan(report.cuttingMaterialMm());

        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.get("placed").asInt()).isEqualTo(8);
        assertThat(json.get("receipt_item").asText()).isEqualTo("motor");
        assertThat(json.get("moved_up_orders").asInt()).isEqualTo(report.movedUpOrders());
        assertThat(json.get("ctp_after_order_steps").asInt()).isEqualTo(1);
        assertThat(json.get("replans_dropped").asLong()).isEqualTo(report.replansDropped());
        assertThat(json.get("cutting_new_bars").asLong()).isEqualTo(report.cuttingNewBars());
        assertThat(json.get("cut_pieces").asLong()).isEqualTo(report.cutPieces());
        assertThat(System.getProperty("tilpass.planSeconds"))
                .as("the planning limit is the run's only")
                .isNull();
    }

    @Test
    void settings_that_cannot_run_are_refused_with_a_likely_fix() {
        ProductionBenchmark.Outcome outcome = ProductionBenchmark.run(
                new ProductionBenchmark.Settings(0, 5, 0.2, 0.5, 2, SEED), new PrintWriter(new StringWriter()));

        assertThat(outcome).isInstanceOf(ProductionBenchmark.Outcome.Failed.class);
        ProductionBenchmark.Outcome.Failed failed = (ProductionBenchmark.Outcome.Failed) outcome;
        assertThat(failed.message()).contains("--orders 0");
        assertThat(failed.maybe()).startsWith("Maybe ");
    }
}
