package no.tilpass.server.drawing;

import java.util.List;

/**
 * An exterior door seen from outside: frame and threshold, the leaf in its colour with its style (flush,
 * grooved, raised panels, glass strip, half or full glass), the handle at 1050 mm on the lock side with
 * its lever towards the hinges, the opening symbol (apex at the hinge side, dashed when the leaf opens
 * inward, away from the viewer), 400 mm sidelights and transom when chosen, and the dimensions. The style
 * is read from whichever of {@code leaf_style}, {@code panel_style}, {@code style}, {@code glazing} the model
 * has, by key words in the value name.
 */
final class DoorDrawer implements Drawings.Drawer {
    static final double FRAME = 70;
    static final double THRESHOLD = 25;
    static final double HANDLE_HEIGHT = 1050;
    static final double SIDELIGHT = 400;
    static final double TRANSOM = 400;

    @Override
    public Drawing draw(Values values) {
        int doorWidth = values.integer("width", 1000, 300, 10_000);
        int doorHeight = values.integer("height", 2100, 500, 10_000);
        String sidelight = values.text("sidelight").orElse("none");
        boolean leftLight = sidelight.equals("left") || sidelight.equals("both");
        boolean rightLight = sidelight.equals("right") || sidelight.equals("both");
        boolean transom = values.present("transom");
        double x0 = leftLight ? SIDELIGHT : 0;
        double y0 = transom ? TRANSOM : 0;
        double width = x0 + doorWidth + (rightLight ? SIDELIGHT : 0);
        double height = y0 + doorHeight;
        double text = Drawings.textSize(width, height);
        Pen pen = new Pen(text * 0.08, text);
        String colour = Colours.loose(
                values.firstText(List.of("colour_outside", "colour", "door_colour", "leaf_colour")), "#e8e4da");
        String glass = Colours.hex(values.text("glass_type"), Pen.GLASS);
        String hinge = values.text("hinge_side").orElse("left");
        boolean inward = values.text("opening_direction").map("inward"::equals).orElse(false);
        String style = values.firstText(List.of("leaf_style", "panel_style", "style", "door_style", "glazing"))
                .orElse("solid");

        if (leftLight) {
            glazedPanel(pen, "sidelight", 0, y0, SIDELIGHT, doorHeight, colour, glass);
        }
        if (rightLight) {
            glazedPanel(pen, "sidelight", x0 + doorWidth, y0, SIDELIGHT, doorHeight, colour, glass);
        }
        if (transom) {
            glazedPanel(pen, "transom", 0, 0, width, TRANSOM, colour, glass);
        }

        pen.rect("frame", x0, y0, doorWidth, doorHeight, colour);
        double leafX0 = x0 + FRAME;
        double leafX1 = x0 + doorWidth - FRAME;
        double leafY0 = y0 + FRAME;
        double leafY1 = height - THRESHOLD;
        pen.rect("leaf", leafX0, leafY0, leafX1 - leafX0, leafY1 - leafY0, colour);
        pen.rect("threshold", x0, height - THRESHOLD, doorWidth, THRESHOLD, "#a7abae");
        leafStyle(pen, style, hinge, glass, leafX0, leafY0, leafX1, leafY1);

        double stile = Math.min(130, (leafX1 - leafX0) / 5);
        double handleY = height - HANDLE_HEIGHT;
        double lockX = hinge.equals("right") ? leafX0 + stile / 2 : leafX1 - stile / 2;
        double lever = Math.min(140, stile * 1.2);
        pen.rect("handle", lockX - 15, handleY - 40, 30, 180, "#b9bcbf");
        double leverX = hinge.equals("right") ? lockX : lockX - lever; // the lever points to the hinges
        pen.rect("handle", leverX, handleY - 12, lever, 24, "#b9bcbf");

        double midY = (leafY0 + leafY1) / 2;
        if (hinge.equals("right")) {
            pen.polyline("opening", false, Pen.NONE, inward, leafX0, leafY0, leafX1, midY, leafX0, leafY1);
        } else {
            pen.polyline("opening", false, Pen.NONE, inward, leafX1, leafY0, leafX0, midY, leafX1, leafY1);
        }

        double offset = text * 2.5;
        pen.dimension(x0, height, x0 + doorWidth, height, offset);
        pen.dimension(width, height, width, y0, offset);
        if (leftLight || rightLight) {
            pen.dimension(0, height, width, height, offset * 2);
        }
        if (transom) {
            pen.dimension(width, height, width, 0, offset * 2);
        }
        return new Drawing("door", "outside", width, height, Drawings.box(width, height, text), pen.shapes());
    }

    private static void glazedPanel(
            Pen pen, String role, double x, double y, double width, double height, String colour, String glass) {
        pen.rect(role, x, y, width, height, colour);
        double inset = Math.min(FRAME, Math.min(width, height) / 4);
        pen.rect("glass", x + inset, y + inset, width - 2 * inset, height - 2 * inset, glass);
    }

    private static void leafStyle(
            Pen pen, String style, String hinge, String glass, double x0, double y0, double x1, double y1) {
        double stile = Math.min(130, (x1 - x0) / 5);
        double gx0 = x0 + stile;
        double gx1 = x1 - stile;
        double gy0 = y0 + stile;
        double gy1 = y1 - 2 * stile;
        if (style.contains("full")) {
            pen.rect("glass", gx0, gy0, gx1 - gx0, gy1 - gy0, glass);
        } else if (style.contains("half") || style.contains("upper")) {
            pen.rect("glass", gx0, gy0, gx1 - gx0, (gy1 - gy0) * 0.45, glass);
        } else if (style.contains("strip") || style.contains("side") || style.contains("vertical")) {
            double stripWidth = Math.min(180, (gx1 - gx0) / 3);
            double x = hinge.equals("right") ? gx1 - stripWidth : gx0;
            pen.rect("glass", x, gy0, stripWidth, gy1 - gy0, glass);
        } else if (style.contains("panel")) {
            double gap = stile / 2;
            double panelHeight = (gy1 - gy0 - gap) / 2;
            pen.rect("panel", gx0, gy0, gx1 - gx0, panelHeight, Pen.NONE);
            pen.rect("panel", gx0, gy0 + panelHeight + gap, gx1 - gx0, panelHeight, Pen.NONE);
        } else if (style.contains("groove")) {
            for (int i = 1; i <= 5; i++) {
                double y = y0 + (y1 - y0) * i / 6;
                pen.line("groove", gx0, y, gx1, y, false);
            }
        } else if (!List.of("solid", "none", "plain", "flush", "false").contains(style)) {
            // Any other glazing value: a square-ish glass panel in the upper part of the leaf.
            double side = Math.min(gx1 - gx0, (gy1 - gy0) * 0.35);
            pen.rect("glass", (x0 + x1 - side) / 2, gy0, side, side, glass);
        }
    }
}
