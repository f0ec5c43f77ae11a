package no.tilpass.server.drawing;

import java.util.List;

/**
 * An office chair seen from its left side, front to the right: castors (or glides), the five-star base in
 * its material's colour, gas lift, footring, seat and backrest in the upholstery colour (a mesh back in the
 * frame colour), armrests and headrest when chosen, and dimension lines for depth, seat height and overall
 * height. Options are read by the names of {@code models/chair.tpm} ({@code upholstery_colour},
 * {@code frame_colour}, {@code base}, {@code castors}, {@code seat_height}, {@code seat_depth},
 * {@code back_type}, {@code back_height}, {@code armrests}, {@code headrest}, {@code footring}); a missing
 * one leaves its part at a typical size or out.
 */
final class ChairDrawer implements Drawings.Drawer {
    static final double DEPTH = 660;
    static final double CASTOR = 30;

    @Override
    public Drawing draw(Values values) {
        int seatHeight = values.integer("seat_height", 470, 300, 800);
        int seatDepth = values.integer("seat_depth", 450, 300, 600);
        String back = values.firstText(List.of("back_height", "backrest", "backrest_height"))
                .orElse("medium");
        int backHeight = values.integer("backrest_height")
                .orElse(back.contains("high") ? 760 : back.contains("low") ? 420 : 560);
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
        String frame = Colours.loose(values.text("frame_colour"), "#2b2b2b");
        String base = Colours.loose(values.firstText(List.of("base", "base_material")), frame);
        String castors =
                values.firstText(List.of("castors", "casters", "wheels")).orElse("castors");
        boolean mesh = values.text("back_type").map(t -> t.contains("mesh")).orElse(false);

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
        if (values.present("footring")) {
            double ringY = Math.min(baseTop - 40, floor - 300);
            pen.rect("footring", DEPTH / 2 - 200, ringY, 400, 16, "#b9bcbf");
        }
        pen.rect("mechanism", DEPTH / 2 - 90, seatBottom, 180, 30, frame);
        double seatLength = Math.min(DEPTH - 130, seatDepth + 20);
        double seatFront = Math.min(DEPTH - 40, 110 + seatLength);
        pen.rect("seat", seatFront - seatLength, seatTop, seatLength, 70, upholstery);

        double backBottom = seatTop - 30;
        double backTop = seatTop - backHeight;
        pen.polyline(
                "backrest",
                true,
                mesh ? frame : upholstery,
                false,
                120,
                backBottom,
                190,
                backBottom,
                150,
                backTop,
                80,
                backTop);
        if (mesh) {
            for (int i = 1; i < 6; i++) {
                double y = backBottom + (backTop - backBottom) * i / 6;
                double t = (double) i / 6;
                pen.line("backrest", 120 + (80 - 120) * t + 10, y, 190 + (150 - 190) * t - 10, y, false);
            }
        }
        pen.line("backrest", 160, seatBottom, 170, backBottom, false);
        if (headrest) {
            pen.line("headrest", 115, backTop, 110, backTop - 60, false);
            pen.rect("headrest", 60, backTop - headroom, 130, headroom - 60, upholstery);
        }
        if (values.present("armrests") || values.present("arms") || values.present("armrest")) {
            double armTop = seatTop - 230;
            pen.line("armrest", DEPTH / 2 + 60, seatTop, DEPTH / 2 + 60, armTop, false);
            pen.rect("armrest", DEPTH / 2 - 80, armTop - 30, 250, 30, frame);
        }

        double offset = text * 2.5;
        pen.dimension(0, floor, DEPTH, floor, offset);
        pen.dimension(DEPTH, floor, DEPTH, seatTop, offset);
        pen.dimension(DEPTH, floor, DEPTH, 0, offset * 2);
        return new Drawing("chair", "side", DEPTH, height, Drawings.box(DEPTH, height, text), pen.shapes());
    }
}
