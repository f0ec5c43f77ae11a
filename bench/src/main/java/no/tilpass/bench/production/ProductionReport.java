package no.tilpass.bench.production;

import java.util.Locale;

/**
 * What one {@code bench production} run measured. Times are round trips over loopback HTTP to a server
 * in the same process.
 *
 * @param orders orders asked for
 * @param placed orders placed and released (201 with a promised date)
 * @param motorised placed orders that wait for a supplier (integrated motorised blinds; no motor in stock)
 * @param orderP50Millis median time to place one order (release, greedy insertion and promise; the firm's
 *     re-plan follows in the background, and an order waits for it only when it runs under the lock)
 * @param orderP95Millis 95th percentile of the same
 * @param orderMaxMillis slowest order
 * @param lastOrderMillis mean time of the last tenth of the orders: what an order costs with the plan full
 * @param settleMillis from the last order's answer until no background re-plan waits or runs
 * @param replansLanded background re-plans written after solving outside the firm's lock
 * @param replansDropped background re-plans dropped because orders came in while they were solved
 * @param replansUnderLock background re-plans run under the lock after three dropped in a row
 * @param steps capable-to-promise steps measured (width changes of one configuration after the orders)
 * @param stepP50Millis median step, delivery date included
 * @param stepP95Millis 95th percentile step
 * @param stepMaxMillis slowest step
 * @param afterOrderSteps width steps timed right after an order, one every ten orders (the first delivery
 *     date against a changed plan, whose cached view is then built again)
 * @param afterOrderP50Millis median of those steps
 * @param afterOrderP95Millis 95th percentile of those steps
 * @param workingDays the working days to the earliest delivery in the last step: how full the plan is
 * @param receiptItem the article received (the one the orders were most short of), or null without one
 * @param receiptQuantity pieces received
 * @param receiptMillis the goods receipt's round trip: covering orders, pulling them forward and the
 *     move-up of the orders queued behind, in one transaction
 * @param coveredOrders orders the receipt covered
 * @param movedUpOrders orders that moved up into the time the covered orders left
 * @param planMillis one read of the firm's plan for 180 days, as the planner page asks for it
 * @param closedDays days of the factory closing (the next days after today with work planned; 2, or fewer
 *     when the plan has fewer)
 * @param closingMillis the closing's round trip: every work centre's holidays stored and the plan repaired
 * @param closingMovedOrders orders whose planned finish the closing moved
 * @param closingLateOrders of those, the orders then late
 * @param closingMaxDaysLate the most calendar days an order then finishes after its promised date
 * @param closingDaysLate the calendar days late of all orders then late, summed
 * @param reopeningMillis the round trip of calling the closing off (the repair brings late orders back)
 * @param reopeningMovedOrders orders whose planned finish calling it off moved
 * @param lateBeforeClosing orders late in the plan before the closing
 * @param lateAfterReopening orders late in the plan after the closing was called off
 * @param downtimeCentre the work centre then reported down from 07:00 to 15:00 on the first closed day, the
 *     one with the most minutes planned to start that day (null without one)
 * @param downtimeMillis the downtime's round trip, the plan's repair included
 * @param downtimeMovedOrders orders whose planned finish the downtime moved
 * @param downtimeLateOrders of those, the orders then late
 * @param downtimeMaxDaysLate the most calendar days an order then finishes after its promised date
 * @param downtimeDaysLate the calendar days late of all orders then late, summed
 * @param cuttingMillis last, one cutting plan of every order not yet cut (kerf 4 mm): its round trip, the
 *     optimisation and the stored plan included (0 when it failed)
 * @param cutPieces pieces the plan cuts
 * @param cuttingNewBars new bars it starts
 * @param cuttingRemnantsUsed remnants from the rack it uses
 * @param cuttingRemnantsKept offcuts long enough to go back to the rack
 * @param cuttingMaterialMm bar length it uses, new bars and remnants
 * @param cutPieceMm the pieces' length, summed: the part of the material that becomes product
 * @param errors failed requests of any kind
 * @param seconds the whole run, server start included
 */
public record ProductionReport(
        int orders,
        int placed,
        int motorised,
        double orderP50Millis,
        double orderP95Millis,
        double orderMaxMillis,
        double lastOrderMillis,
        double settleMillis,
        long replansLanded,
        long replansDropped,
        long replansUnderLock,
        int steps,
        double stepP50Millis,
        double stepP95Millis,
        double stepMaxMillis,
        int afterOrderSteps,
        double afterOrderP50Millis,
        double afterOrderP95Millis,
        long workingDays,
        String receiptItem,
        long receiptQuantity,
        double receiptMillis,
        int coveredOrders,
        int movedUpOrders,
        double planMillis,
        int closedDays,
        double closingMillis,
        int closingMovedOrders,
        int closingLateOrders,
        long closingMaxDaysLate,
        long closingDaysLate,
        double reopeningMillis,
        int reopeningMovedOrders,
        int lateBeforeClosing,
        int lateAfterReopening,
        String downtimeCentre,
        double downtimeMillis,
        int downtimeMovedOrders,
        int downtimeLateOrders,
        long downtimeMaxDaysLate,
        long downtimeDaysLate,
        double cuttingMillis,
        long cutPieces,
        long cuttingNewBars,
        long cuttingRemnantsUsed,
        long cuttingRemnantsKept,
        long cuttingMaterialMm,
        long cutPieceMm,
        long errors,
        double seconds) {

    /** One JSON object on one line, the headline figures first. */
    public String toJson() {
        return String.format(
                Locale.ROOT,
                "{\"orders\":%d,\"placed\":%d,\"order_p50_ms\":%.1f,\"order_p95_ms\":%.1f,\"ctp_p50_ms\":%.2f,"
                        + "\"ctp_p95_ms\":%.2f,\"receipt_ms\":%.1f,\"moved_up_orders\":%d,\"covered_orders\":%d,"
                        + "\"errors\":%d,\"motorised\":%d,\"order_max_ms\":%.1f,\"last_tenth_order_ms\":%.1f,"
                        + "\"settle_ms\":%.1f,\"replans_landed\":%d,\"replans_dropped\":%d,\"replans_under_lock\":%d,"
                        + "\"ctp_steps\":%d,\"ctp_max_ms\":%.2f,\"ctp_after_order_steps\":%d,\"ctp_after_order_p50_ms\":%.2f,"
                        + "\"ctp_after_order_p95_ms\":%.2f,\"working_days\":%d,\"receipt_item\":%s,"
                        + "\"receipt_quantity\":%d,\"plan_ms\":%.1f,\"closed_days\":%d,\"closing_ms\":%.1f,"
                        + "\"closing_moved_orders\":%d,\"closing_late_orders\":%d,\"closing_max_days_late\":%d,\"closing_days_late\":%d,\"reopening_ms\":%.1f,"
                        + "\"reopening_moved_orders\":%d,\"late_before_closing\":%d,\"late_after_reopening\":%d,"
                        + "\"downtime_centre\":%s,\"downtime_ms\":%.1f,\"downtime_moved_orders\":%d,"
                        + "\"downtime_late_orders\":%d,\"downtime_max_days_late\":%d,\"downtime_days_late\":%d,"
                        + "\"cutting_ms\":%.1f,\"cut_pieces\":%d,\"cutting_new_bars\":%d,\"cutting_remnants_used\":%d,"
                        + "\"cutting_remnants_kept\":%d,\"cutting_material_mm\":%d,\"cut_piece_mm\":%d,"
                        + "\"seconds\":%.1f}",
                orders,
                placed,
                orderP50Millis,
                orderP95Millis,
                stepP50Millis,
                stepP95Millis,
                receiptMillis,
                movedUpOrders,
                coveredOrders,
                errors,
                motorised,
                orderMaxMillis,
                lastOrderMillis,
                settleMillis,
                replansLanded,
                replansDropped,
                replansUnderLock,
                steps,
                stepMaxMillis,
                afterOrderSteps,
                afterOrderP50Millis,
                afterOrderP95Millis,
                workingDays,
                quoted(receiptItem),
                receiptQuantity,
                planMillis,
                closedDays,
                closingMillis,
                closingMovedOrders,
                closingLateOrders,
                closingMaxDaysLate,
                closingDaysLate,
                reopeningMillis,
                reopeningMovedOrders,
                lateBeforeClosing,
                lateAfterReopening,
                quoted(downtimeCentre),
                downtimeMillis,
                downtimeMovedOrders,
                downtimeLateOrders,
                downtimeMaxDaysLate,
                downtimeDaysLate,
                cuttingMillis,
                cutPieces,
                cuttingNewBars,
                cuttingRemnantsUsed,
                cuttingRemnantsKept,
                cuttingMaterialMm,
                cutPieceMm,
                seconds);
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
