package no.tilpass.server.drawing;

import java.util.List;

/**
 * An exterior door seen from outside: frame and threshold, the leaf in its colour, the glass panel of its
 * style, the handle at 1050 mm on the lock side, the opening symbol (apex at the hinge side, dashed when
 * the leaf opens inward, away from the viewer) and the overall dimensions. The panel style is read from
 * whichever of {@code panel_style}, {@code style}, {@code glazing}, {@code glass} the model has, by key
 * words in the value name (full, half/upper, strip/side, solid/none).
 */
final class DoorDrawer implements Drawings.Drawer {
    static final double FRAME = 70;
    static final double THRESHOLD = 25;
    static final double HANDLE_HEIGHT = 1050;

    @Override
    public Drawing draw(Values values) {
        int width = values.integer("width", 1000, 300, 10_000);
        int height = values.integer("height", 2100, 500, 10_000);
        double text = Drawings.textSize(width, height);
        Pen pen = new Pen(text * 0.08, text);
        String colour = Colours.loose(
                values.firstText(List.of("colour", "colour_outside", "door_colour", "leaf_colour")), "#e8e4da");
        String hinge = values.text("hinge_side").orElse("left");
        boolean inward = values.text("opening_direction").map("inward"::equals).orElse(false);
        String style = values.firstText(List.of("panel_style", "style", "door_style", "panel", "glazing", "glass"))
                .orElse("solid");

        pen.rect("frame", 0, 0, width, height, colour);
        double leafX0 = FRAME;
        double leafX1 = width - FRAME;
        double leafY0 = FRAME;
        double leafY1 = height - THRESHOLD;
        pen.rect("leaf", leafX0, leafY0, leafX1 - leafX0, leafY1 - leafY0, colour);
        pen.rect("threshold", 0, height - THRESHOLD, width, THRESHOLD, "#a7abae");

        double stile = Math.min(130, (leafX1 - leafX0) / 5);
        double glassX0 = leafX0 + stile;
        double glassX1 = leafX1 - stile;
        double glassY0 = leafY0 + stile;
        double glassY1 = leafY1 - 2 * stile;
        if (style.contains("full")) {
            pen.rect("glass", glassX0, glassY0, glassX1 - glassX0, glassY1 - glassY0, Pen.GLASS);
        } else if (style.contains("half") || style.contains("upper") || style.contains("top")) {
            pen.rect("glass", glassX0, glassY0, glassX1 - glassX0, (glassY1 - glassY0) * 0.45, Pen.GLASS);
        } else if (style.contains("strip")
                || style.contains("side")
                || style.contains("vertical")
                || style.contains("slim")) {
            double stripWidth = Math.min(180, (glassX1 - glassX0) / 3);
            double x = hinge.equals("right") ? glassX1 - stripWidth : glassX0;
            pen.rect("glass", x, glassY0, stripWidth, glassY1 - glassY0, Pen.GLASS);
        } else if (!List.of("solid", "none", "plain", "false").contains(style)) {
            // Any other glazing value: a square-ish glass panel in the upper part of the leaf.
            double side = Math.min(glassX1 - glassX0, (glassY1 - glassY0) * 0.35);
            double x = (leafX0 + leafX1 - side) / 2;
            pen.rect("glass", x, glassY0, side, side, Pen.GLASS);
        }

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
        pen.dimension(0, height, width, height, offset);
        pen.dimension(width, height, width, 0, offset);
        return new Drawing("door", "outside", width, height, Drawings.box(width, height, text), pen.shapes());
    }
}
