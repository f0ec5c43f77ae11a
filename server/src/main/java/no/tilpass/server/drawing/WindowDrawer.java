package no.tilpass.server.drawing;

import java.util.List;

/**
 * A window seen from outside ({@code hinge_side} is defined from outside): outer frame in the outside
 * colour, {@code sashes} equal sashes divided by mullions, glass, muntins, handles and the usual opening
 * symbols: the triangle's apex points to the hinges (side-hung: to the hinge side; top-hung: up; tilt-turn:
 * to the hinge side and down, the tilt hinges being at the bottom; fixed: none). The lines are dashed
 * when the sash opens inward, away from the viewer. Dimension lines give the overall width and height and,
 * with several sashes, each sash's width.
 */
final class WindowDrawer implements Drawings.Drawer {
    static final double FRAME = 60;
    static final double SASH = 50;

    @Override
    public Drawing draw(Values values) {
        int width = values.integer("width", 1000, 100, 100_000);
        int height = values.integer("height", 1200, 100, 100_000);
        int sashes = values.integer("sashes", 1, 1, 8);
        double text = Drawings.textSize(width, height);
        Pen pen = new Pen(text * 0.08, text);
        String outside = Colours.hex(values.firstText(List.of("colour_outside", "colour")), "#f4f4ef");
        double frame = Math.min(FRAME, Math.min(width, height) / 8.0);

        pen.rect("frame", 0, 0, width, height, outside);
        pen.rect("frame_opening", frame, frame, width - 2 * frame, height - 2 * frame, Pen.NONE);

        String type = values.text("opening_type").orElse("");
        boolean opens = !type.isEmpty() && !type.equals("fixed");
        boolean inward = values.text("opening_direction").map("inward"::equals).orElse(false);
        String hinge = values.text("hinge_side").orElse("left");
        int fields = values.present("muntins") ? values.integer("muntin_fields", 1, 1, 12) : 1;

        double[] edges = new double[sashes + 1];
        for (int i = 0; i <= sashes; i++) {
            edges[i] = (double) width * i / sashes;
        }
        for (int i = 1; i < sashes; i++) {
            pen.rect("mullion", edges[i] - frame / 2, frame, frame, height - 2 * frame, outside);
        }
        for (int i = 0; i < sashes; i++) {
            double left = i == 0 ? frame : edges[i] + frame / 2;
            double right = i == sashes - 1 ? width - frame : edges[i + 1] - frame / 2;
            double top = frame;
            double bottom = height - frame;
            double sash = opens ? Math.min(SASH, (right - left) / 6) : 0;
            if (opens) {
                pen.rect("sash", left, top, right - left, bottom - top, outside);
            }
            double gx0 = left + sash;
            double gx1 = right - sash;
            double gy0 = top + sash;
            double gy1 = bottom - sash;
            pen.rect("glass", gx0, gy0, gx1 - gx0, gy1 - gy0, Pen.GLASS);
            for (int f = 1; f < fields; f++) {
                double x = gx0 + (gx1 - gx0) * f / fields;
                pen.line("muntin", x, gy0, x, gy1, false);
            }
            if (opens) {
                openingSymbol(pen, type, hinge, inward, gx0, gy0, gx1, gy1);
                handle(pen, type, hinge, left, top, right, bottom, sash);
            }
        }

        double offset = text * 2.5;
        if (sashes > 1) {
            for (int i = 0; i < sashes; i++) {
                pen.dimension(edges[i], height, edges[i + 1], height, offset);
            }
        }
        pen.dimension(0, height, width, height, sashes > 1 ? offset * 2 : offset);
        pen.dimension(width, height, width, 0, offset);
        return new Drawing("window", "outside", width, height, Drawings.box(width, height, text), pen.shapes());
    }

    /** The opening triangle(s) on one glass field; the apex is on the hinged edge. */
    static void openingSymbol(
            Pen pen, String type, String hinge, boolean dashed, double x0, double y0, double x1, double y1) {
        double mx = (x0 + x1) / 2;
        double my = (y0 + y1) / 2;
        switch (type) {
            case "top_hung" -> pen.polyline("opening", false, Pen.NONE, dashed, x0, y1, mx, y0, x1, y1);
            case "bottom_hung" -> pen.polyline("opening", false, Pen.NONE, dashed, x0, y0, mx, y1, x1, y0);
            case "tilt_turn" -> {
                sideSymbol(pen, hinge, dashed, x0, y0, x1, y1, my);
                pen.polyline("opening", false, Pen.NONE, dashed, x0, y0, mx, y1, x1, y0);
            }
            default -> sideSymbol(pen, hinge, dashed, x0, y0, x1, y1, my);
        }
    }

    private static void sideSymbol(
            Pen pen, String hinge, boolean dashed, double x0, double y0, double x1, double y1, double my) {
        if (hinge.equals("right")) {
            pen.polyline("opening", false, Pen.NONE, dashed, x0, y0, x1, my, x0, y1);
        } else {
            pen.polyline("opening", false, Pen.NONE, dashed, x1, y0, x0, my, x1, y1);
        }
    }

    /** The handle sits on the sash opposite its hinges. */
    private static void handle(
            Pen pen, String type, String hinge, double left, double top, double right, double bottom, double sash) {
        double length = Math.max(60, Math.min(140, (bottom - top) / 8));
        double thickness = Math.max(12, sash * 0.4);
        if (type.equals("top_hung")) {
            double cx = (left + right) / 2;
            pen.rect("handle", cx - length / 2, bottom - sash / 2 - thickness / 2, length, thickness, "#b9bcbf");
            return;
        }
        double cy = (top + bottom) / 2;
        double cx = hinge.equals("right") ? left + sash / 2 : right - sash / 2;
        pen.rect("handle", cx - thickness / 2, cy - length / 2, thickness, length, "#b9bcbf");
    }
}
