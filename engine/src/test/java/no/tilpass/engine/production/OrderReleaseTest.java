package no.tilpass.engine.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.model.ModelLoader;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.space.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderReleaseTest {
    private static final ProductModel SHELF = ((ModelLoader.Result.Loaded)
                    ModelLoader.parse(
                            "shelf.tpm",
                            """
                    model shelf {
                        option width: int 400..1200 step 100 { default 800 }
                        option glass: bool { default false }
                        bom {
                            item side "Side" qty 2 length 1800 unit mm profile pine_20x200
                            item board "Board" qty 4 length width unit mm profile pine_20x200
                            item pane "Glass pane" qty 1 area width * 300 when glass
                            item screw "Screw" qty 16
                        }
                        routing {
                            workcentre saw "Saw"
                            workcentre bench "Bench"
                            operation cut "Cut" on saw setup 10 per_unit 3
                            operation assemble "Assemble" on bench setup 5 per_unit 12 after cut
                        }
                    }
                    """))
            .model();

    private static final ShiftCalendar DAYS = ShiftCalendar.weekdays(LocalTime.of(7, 0), LocalTime.of(15, 0));

    private static ProductionData firm(List<ProductionData.WorkCentre> centres) {
        return new ProductionData(
                "Vestby Snekkeri AS",
                centres,
                new ProductionData.MaterialStock(
                        List.of(new ProductionData.Article("screw", 100)),
                        List.of(
                                new ProductionData.Bar("pine_20x200", 4800, 3, false),
                                new ProductionData.Bar("pine_20x200", 1300, 2, true))));
    }

    @Test
    void a_released_order_multiplies_times_and_materials_by_the_quantity_and_assigns_work_centres_by_type() {
        ProductionData data = firm(List.of(
                new ProductionData.WorkCentre("saw-1", "saw", 1, DAYS),
                new ProductionData.WorkCentre("bench-1", "bench", 2, DAYS),
                new ProductionData.WorkCentre("bench-2", "bench", 1, DAYS)));
        OrderRelease.Release r = OrderRelease.release(
                data,
                new OrderRelease.Order(
                        "O-17", SHELF, Map.of("width", "600", "glass", "true"), 10, LocalDate.of(2026, 12, 18)));
        OrderRelease.ProductionOrder po = ((OrderRelease.Release.Released) r).order();

        assertThat(po.tasks())
                .containsExactly(
                        new OrderRelease.Task(
                                "O-17/cut", "cut", "Cut", "saw", List.of("saw-1"), 10, 30, List.of(), false, false, 3),
                        new OrderRelease.Task(
                                "O-17/assemble",
                                "assemble",
                                "Assemble",
                                "bench",
                                List.of("bench-1", "bench-2"),
                                5,
                                120,
                                List.of("O-17/cut"),
                                false,
                                false,
                                12));
        assertThat(po.materials())
                .containsExactly(
                        new OrderRelease.MaterialNeed("pane", "Glass pane", 10, 0, 10),
                        new OrderRelease.MaterialNeed("screw", "Screw", 160, 100, 60));
        assertThat(po.profiles()).singleElement().satisfies(p -> {
            assertThat(p.profile()).isEqualTo("pine_20x200");
            assertThat(p.totalLengthMm()).isEqualTo(10 * (2 * 1800 + 4 * 600));
            assertThat(p.cuts())
                    .extracting(c -> c.lengthMm() + "x" + c.pieces())
                    .containsExactly("1800x20", "600x40");
            assertThat(p.stockLengthMm()).isEqualTo(3 * 4800 + 2 * 1300);
        });
    }

    @Test
    void an_order_needing_a_work_centre_type_the_firm_lacks_is_rejected_with_a_fix() {
        ProductionData data = firm(List.of(new ProductionData.WorkCentre("saw-1", "saw", 1, DAYS)));
        OrderRelease.Release r = OrderRelease.release(
                data,
                new OrderRelease.Order("O-1", SHELF, Map.of("width", "600", "glass", "false"), 1, LocalDate.now()));
        assertThat(((OrderRelease.Release.Rejected) r).problems())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.message()).contains("'bench'", "Vestby Snekkeri AS");
                    assertThat(d.maybe()).contains("add a work centre of type 'bench'");
                });
    }

    @Test
    void an_order_with_an_incomplete_configuration_or_no_quantity_is_rejected_not_thrown() {
        ProductionData data = firm(List.of());
        OrderRelease.Release incomplete = OrderRelease.release(
                data, new OrderRelease.Order("O-2", SHELF, Map.of("width", "600"), 1, LocalDate.now()));
        assertThat(((OrderRelease.Release.Rejected) incomplete).problems())
                .extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("glass"));
        OrderRelease.Release none = OrderRelease.release(
                data,
                new OrderRelease.Order("O-3", SHELF, Map.of("width", "600", "glass", "false"), 0, LocalDate.now()));
        assertThat(((OrderRelease.Release.Rejected) none).problems())
                .extracting(Diagnostic::message)
                .containsExactly("order O-3 has quantity 0");
    }

    private static final ProductModel PRESSED = ((ModelLoader.Result.Loaded)
                    ModelLoader.parse(
                            "leaf.tpm",
                            """
                    model leaf {
                        option fire: bool { default false }
                        routing {
                            workcentre saw "Saw"
                            workcentre press "Press"
                            operation cut "Cut" on saw setup 10 per_unit 3
                            operation press "Glue and press" on press setup 15 per_unit 20 + (if fire then 10 else 0)
                                uninterruptible after cut
                        }
                    }
                    """))
            .model();

    /** A firm with one saw and one press, both open 07:00-15:00 on weekdays. */
    private static ProductionData sawAndPress() {
        return firm(List.of(
                new ProductionData.WorkCentre("saw-1", "saw", 1, DAYS),
                new ProductionData.WorkCentre("press-1", "press", 1, DAYS)));
    }

    @Test
    void an_uninterruptible_operation_gives_an_uninterruptible_task_and_the_others_stay_interruptible() {
        ProductionData data = sawAndPress();
        OrderRelease.Release r = OrderRelease.release(
                data, new OrderRelease.Order("O-5", PRESSED, Map.of("fire", "true"), 10, LocalDate.of(2026, 12, 7)));
        assertThat(((OrderRelease.Release.Released) r).order().tasks())
                .extracting(t -> t.operation() + " " + t.totalMinutes() + " " + t.uninterruptible())
                .containsExactly("cut 40 false", "press 315 true");
    }

    @Test
    void the_advice_names_the_most_units_that_fit_or_only_a_longer_shift_when_not_one_fits() {
        assertThat(OrderRelease.fewerUnits(15, 20, 480, 24))
                .isEqualTo("order at most 23 units at a time (2 orders for 24), or ");
        assertThat(OrderRelease.fewerUnits(15, 20, 480, 47)).contains("(3 orders for 47)");
        assertThat(OrderRelease.fewerUnits(500, 20, 480, 3)).isEmpty();
    }

    @Test
    void an_uninterruptible_operation_longer_than_any_stretch_of_open_time_is_rejected_with_the_numbers() {
        ProductionData data = sawAndPress();
        // 15 + 30 * 16 = 495 minutes, and the press is open 07:00-15:00 (480 minutes) on weekdays
        OrderRelease.Release r = OrderRelease.release(
                data, new OrderRelease.Order("O-6", PRESSED, Map.of("fire", "true"), 16, LocalDate.of(2026, 12, 7)));
        assertThat(((OrderRelease.Release.Rejected) r).problems())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.message())
                            .isEqualTo("operation 'press' is uninterruptible and takes 495 minutes for 16 units, but"
                                    + " the longest stretch of open time of work-centre type 'press' at Vestby"
                                    + " Snekkeri AS is 480 minutes");
                    assertThat(d.maybe())
                            .isEqualTo("order at most 15 units at a time (2 orders for 16), or give a work centre"
                                    + " of type 'press' a longer shift.");
                });
        ProductionData twoShifts = firm(List.of(
                new ProductionData.WorkCentre("saw-1", "saw", 1, DAYS),
                new ProductionData.WorkCentre("press-1", "press", 1, DAYS),
                new ProductionData.WorkCentre(
                        "press-2", "press", 1, ShiftCalendar.weekdays(LocalTime.of(6, 0), LocalTime.of(22, 0)))));
        assertThat(OrderRelease.release(
                        twoShifts,
                        new OrderRelease.Order("O-6", PRESSED, Map.of("fire", "true"), 16, LocalDate.of(2026, 12, 7))))
                .as("one press of the type with a long enough shift is enough")
                .isInstanceOf(OrderRelease.Release.Released.class);
    }

    @Test
    void an_order_whose_work_on_one_type_exceeds_ten_years_of_its_open_time_is_rejected_with_the_numbers() {
        // the bench is open one hour a week, on Mondays: ten years hold about 522 hours of assembly
        ShiftCalendar mondays = new ShiftCalendar(
                List.of(new ShiftCalendar.Shift(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(8, 0))),
                List.of(),
                List.of());
        LocalDate from = LocalDate.of(2026, 12, 7);
        long open = 60
                * from.datesUntil(from.plusDays(OrderRelease.MAX_PLAN_DAYS))
                        .filter(d -> d.getDayOfWeek() == DayOfWeek.MONDAY)
                        .count();
        long fit = (open - 5) / 12; // assemble: setup 5, 12 per unit
        ProductionData data = firm(List.of(
                new ProductionData.WorkCentre("saw-1", "saw", 1, DAYS),
                new ProductionData.WorkCentre("bench-1", "bench", 1, mondays)));
        Map<String, String> shelf = Map.of("width", "600", "glass", "false");

        assertThat(OrderRelease.release(data, new OrderRelease.Order("O-8", SHELF, shelf, fit, from)))
                .as("exactly as much as ten years hold")
                .isInstanceOf(OrderRelease.Release.Released.class);
        OrderRelease.Release r = OrderRelease.release(data, new OrderRelease.Order("O-8", SHELF, shelf, fit + 1, from));
        assertThat(((OrderRelease.Release.Rejected) r).problems())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.message())
                            .isEqualTo("the operations on work-centre type 'bench' take "
                                    + ((5 + 12 * (fit + 1) + 59) / 60) + " hours for " + (fit + 1)
                                    + " units, more than the " + (open / 60) + " hours the work centres of that type"
                                    + " at Vestby Snekkeri AS are open in the 3653 days a plan reaches");
                    assertThat(d.maybe())
                            .isEqualTo("split it into smaller orders: at most " + fit + " units fit on type"
                                    + " 'bench' in that time, fewer with the work before them; or add work centres"
                                    + " of type 'bench' or longer shifts.");
                });
        ProductionData twoLanes = firm(List.of(
                new ProductionData.WorkCentre("saw-1", "saw", 1, DAYS),
                new ProductionData.WorkCentre("bench-1", "bench", 2, mondays)));
        assertThat(OrderRelease.release(twoLanes, new OrderRelease.Order("O-8", SHELF, shelf, 2 * fit, from)))
                .as("a bench of capacity 2 holds twice the work")
                .isInstanceOf(OrderRelease.Release.Released.class);
    }

    private static final ProductModel PAINTED = ((ModelLoader.Result.Loaded)
                    ModelLoader.parse(
                            "frame.tpm",
                            """
                    model frame {
                        option long: bool { default false }
                        routing {
                            workcentre paint "Paint line"
                            operation paint "Paint" on paint setup 30 per_unit 20 + (if long then 460 else 0)
                                uninterruptible per_unit
                        }
                    }
                    """))
            .model();

    @Test
    void an_operation_uninterruptible_per_unit_needs_only_its_setup_and_one_unit_to_fit_a_stretch() {
        ProductionData data = firm(List.of(new ProductionData.WorkCentre("paint-1", "paint", 1, DAYS)));
        // 30 + 100 * 20 = 2030 minutes, far more than the 480 of a day, yet each unit fits
        OrderRelease.Release r = OrderRelease.release(
                data, new OrderRelease.Order("O-8", PAINTED, Map.of("long", "false"), 100, LocalDate.of(2026, 12, 7)));
        assertThat(((OrderRelease.Release.Released) r).order().tasks())
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.uninterruptible()).isTrue();
                    assertThat(t.eachUnit()).isTrue();
                    assertThat(t.perUnitMinutes()).isEqualTo(20);
                    assertThat(t.totalMinutes()).isEqualTo(2030);
                });
        // 30 + 480 = 510 minutes for the setup and the first unit: no stretch of open time holds it
        OrderRelease.Release tooLong = OrderRelease.release(
                data, new OrderRelease.Order("O-9", PAINTED, Map.of("long", "true"), 2, LocalDate.of(2026, 12, 7)));
        assertThat(((OrderRelease.Release.Rejected) tooLong).problems())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.message())
                            .isEqualTo("operation 'paint' is uninterruptible per unit and takes 510 minutes for its"
                                    + " setup and first unit, but the longest stretch of open time of work-centre"
                                    + " type 'paint' at Vestby Snekkeri AS is 480 minutes");
                    assertThat(d.maybe()).isEqualTo("give a work centre of type 'paint' a longer shift.");
                });
    }

    private static ProductModel doorWithHingesBy(Path dir, String hingeMaker) throws IOException {
        Files.writeString(
                dir.resolve("hinges.tpm"),
                """
                model hinge_set {
                    firm "%s"
                    option count: int 2..4 { default 2 }
                    bom {
                        item leaf "Hinge leaf" qty 2 * count length 100 unit mm profile steel_flat
                        item pin "Pin" qty count
                    }
                    routing {
                        workcentre press "Press"
                        operation stamp "Stamp" on press setup 4 per_unit count
                    }
                }
                """
                        .formatted(hingeMaker));
        Files.writeString(
                dir.resolve("door.tpm"),
                """
                model door {
                    firm "Vestby Snekkeri AS"
                    component hinges: "hinges.tpm"
                    bom {
                        item stile "Stile" qty 2 length 2100 unit mm profile pine_20x200
                    }
                    routing {
                        workcentre saw "Saw"
                        operation cut "Cut" on saw setup 1 per_unit 2
                        operation hang "Hang the leaf" on saw setup 0 per_unit 5 after cut, hinges.stamp
                    }
                }
                """);
        return ((ModelLoader.Result.Loaded) ModelLoader.load(dir.resolve("door.tpm"))).model();
    }

    @Test
    void a_component_another_firm_makes_is_bought_in_with_no_operations_or_cuts_of_its_own(@TempDir Path dir)
            throws IOException {
        ProductModel door = doorWithHingesBy(dir, "Hitterdal Metall AS");
        ProductionData data = firm(List.of(new ProductionData.WorkCentre("saw-1", "saw", 1, DAYS)));

        OrderRelease.Release r = OrderRelease.release(
                data, new OrderRelease.Order("O-4", door, Map.of("hinges.count", "3"), 2, LocalDate.now()));

        OrderRelease.ProductionOrder po = ((OrderRelease.Release.Released) r).order();
        assertThat(po.tasks()).extracting(OrderRelease.Task::id).containsExactly("O-4/cut", "O-4/hang");
        assertThat(po.tasks().get(1).after()).containsExactly("O-4/cut");
        assertThat(po.profiles()).extracting(OrderRelease.ProfileNeed::profile).containsExactly("pine_20x200");
        assertThat(po.materials())
                .extracting(m -> m.item() + " x" + m.quantity())
                .containsExactly("hinges x2");
        assertThat(po.bom()).extracting(l -> l.path()).contains("hinges.leaf", "hinges.pin");
    }

    @Test
    void a_component_the_same_firm_makes_is_produced_with_the_order(@TempDir Path dir) throws IOException {
        ProductModel door = doorWithHingesBy(dir, "Vestby Snekkeri AS");
        ProductionData data = sawAndPress();

        OrderRelease.Release r = OrderRelease.release(
                data, new OrderRelease.Order("O-5", door, Map.of("hinges.count", "3"), 1, LocalDate.now()));

        OrderRelease.ProductionOrder po = ((OrderRelease.Release.Released) r).order();
        assertThat(po.tasks())
                .extracting(OrderRelease.Task::id)
                .containsExactlyInAnyOrder("O-5/cut", "O-5/hang", "O-5/hinges.stamp");
        assertThat(po.profiles())
                .extracting(OrderRelease.ProfileNeed::profile)
                .containsExactly("pine_20x200", "steel_flat");
        assertThat(po.materials())
                .extracting(m -> m.item() + " x" + m.quantity())
                .containsExactly("pin x3");
    }
}
