package no.tilpass.server.drawing;

import java.util.List;

/**
 * An office chair seen from its left side, front to the right: castors (or glides), the five-star base,
 * gas lift, seat and backrest in the upholstery colour, armrests and headrest when chosen, and dimension
 * lines for depth, seat height and overall height. Options are read by the names office chair models use
 * ({@code upholstery_colour}, {@code armrests}, {@code headrest}, {@code base}, {@code castors},
 * {@code seat_height}); a missing one leaves its part at a typical size or out.
 */
final class ChairDrawer implements Drawings.Drawer {
    static final double DEPTH = 660;
    static final double CASTOR = 30;

    @Override
    public Drawing draw(Values values) {
        int seatHeight = values.integer("seat_height", 470, 300, 800);
        String back =
                values.firstText(List.of("backrest", "backrest_height", "back")).orElse("medium");
        int backHeight = values.integer("backrest_height")
                .orElse(back.contains("high") ? 640 : back.contains("low") ? 420 : 540);
        boolean headrest = values.present("headrest");
        double headroom = headrest ? 170 : 0;
        double height = seatHeight + backHeight + headroom;
        double text = Drawings.textSize(DEPTH, height);
        Pen pen = new Pen(text * 0.08, text);
        String upholstery = Colours.loose(
                values.firstText(List.of(
                        "upholstery_colour",
                        "upholstery_color",
                        "upholstery",
                        "fabric_colour",
                        "fabric",
                        "colour",
                        "color")),
                "#6e7275");
        String base = Colours.loose(values.firstText(List.of("base", "base_material", "frame_colour")), "#2b2b2b");
        String castors =
                values.firstText(List.of("castors", "casters", "wheels")).orElse("castors");

        double floor = height;
        double seatTop = floor - seatHeight;
        double seatBottom = seatTop + 70;
        double baseTop = floor - 2 * CASTOR - 40;
        if (castors.contains("glide")) {
            pen.rect("castor", 40, floor - 20, 40, 20, "#2b2b2b");
            pen.rect("castor", DEPTH - 80, floor - 20, 40, 20, "#2b2b2b");
        } else {
            pen.circle("castor", 60, floor - CASTOR, CASTOR, "#2b2b2b");
            pen.circle("castor", DEPTH - 60, floor - CASTOR, CASTOR, "#2b2b2b");
        }
        double legY = castors.contains("glide") ? floor - 20 : floor - 2 * CASTOR;
        pen.polyline(
                "base",
                true,
                base,
                false,
                50,
                legY,
                DEPTH / 2 - 40,
                baseTop,
                DEPTH / 2 + 40,
                baseTop,
                DEPTH - 50,
                legY,
                DEPTH - 70,
                legY + 10,
                DEPTH / 2,
                baseTop + 30,
                70,
                legY + 10);
        pen.rect("gas_lift", DEPTH / 2 - 18, seatBottom + 30, 36, baseTop - seatBottom - 30, "#2b2b2b");
        pen.rect("mechanism", DEPTH / 2 - 90, seatBottom, 180, 30, "#2b2b2b");
        pen.rect("seat", 110, seatTop, DEPTH - 150, 70, upholstery);

        double backBottom = seatTop - 30;
        double backTop = seatTop - backHeight;
        pen.polyline("backrest", true, upholstery, false, 120, backBottom, 190, backBottom, 150, backTop, 80, backTop);
        pen.line("backrest", 160, seatBottom, 170, backBottom, false);
        if (headrest) {
            pen.line("headrest", 115, backTop, 110, backTop - 60, false);
            pen.rect("headrest", 60, backTop - headroom, 130, headroom - 60, upholstery);
        }
        if (values.present("armrests") || values.present("arms") || values.present("armrest")) {
            double armTop = seatTop - 230;
            pen.line("armrest", DEPTH / 2 + 60, seatTop, DEPTH / 2 + 60, armTop, false);
            pen.rect("armrest", DEPTH / 2 - 80, armTop - 30, 250, 30, "#2b2b2b");
        }

        double offset = text * 2.5;
        pen.dimension(0, floor, DEPTH, floor, offset);
        pen.dimension(DEPTH, floor, DEPTH, seatTop, offset);
        pen.dimension(DEPTH, floor, DEPTH, 0, offset * 2);
        return new Drawing("chair", "side", DEPTH, height, Drawings.box(DEPTH, height, text), pen.shapes());
    }
}
