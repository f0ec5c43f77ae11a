package no.tilpass.server.drawing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One element of a {@link Drawing}. Coordinates are millimetres, x to the right and y downwards (as in
 * SVG). Every shape names its {@code role} (frame, sash, mullion, glass, opening, handle, dimension, ...)
 * so that clients and tests can find parts without knowing the drawing's order. Colours are CSS hex
 * colours or {@code "none"}; stroke widths are millimetres.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Shape.Rect.class, name = "rect"),
    @JsonSubTypes.Type(value = Shape.Line.class, name = "line"),
    @JsonSubTypes.Type(value = Shape.Polyline.class, name = "polyline"),
    @JsonSubTypes.Type(value = Shape.Circle.class, name = "circle"),
    @JsonSubTypes.Type(value = Shape.Text.class, name = "text"),
    @JsonSubTypes.Type(value = Shape.Dimension.class, name = "dimension")
})
public sealed interface Shape {
    /** What part of the product the shape shows. */
    String role();

    /** An axis-parallel rectangle with its top left corner at (x, y). */
    record Rect(
            String role,
            double x,
            double y,
            double width,
            double height,
            String stroke,
            String fill,
            double strokeWidth,
            boolean dashed)
            implements Shape {}

    /** A straight line from (x1, y1) to (x2, y2). */
    record Line(
            String role, double x1, double y1, double x2, double y2, String stroke, double strokeWidth, boolean dashed)
            implements Shape {}

    /** An open polyline, or a polygon when {@code closed}. */
    record Polyline(
            String role,
            List<Point> points,
            boolean closed,
            String stroke,
            String fill,
            double strokeWidth,
            boolean dashed)
            implements Shape {
        public Polyline {
            points = List.copyOf(points);
        }
    }

    /** A circle around (cx, cy). */
    record Circle(String role, double cx, double cy, double r, String stroke, String fill, double strokeWidth)
            implements Shape {}

    /**
     * A text whose baseline anchor is (x, y); {@code anchor} is {@code start}, {@code middle} or {@code
     * end}; {@code rotate} turns it counter-clockwise in degrees (90 reads bottom to top).
     */
    record Text(String role, double x, double y, String text, double size, String anchor, double rotate)
            implements Shape {}

    /**
     * A dimension line measuring from (x1, y1) to (x2, y2), drawn {@code offset} millimetres to the right
     * of the direction from the first point to the second (below a left-to-right measure, right of a
     * bottom-to-top one), labelled {@code text} (the figure in millimetres).
     */
    record Dimension(
            String role, double x1, double y1, double x2, double y2, double offset, String text, double textSize)
            implements Shape {

        /** The length measured, in millimetres. */
        public double length() {
            return Math.hypot(x2 - x1, y2 - y1);
        }

        /** The dimension as plain lines and a text: extension lines, the measure line, ticks, the figure. */
        public List<Shape> parts() {
            double length = length();
            if (length == 0) {
                return List.of();
            }
            double dx = (x2 - x1) / length;
            double dy = (y2 - y1) / length;
            // The normal to the right of the direction in a y-down system.
            double nx = -dy;
            double ny = dx;
            double ax = x1 + nx * offset;
            double ay = y1 + ny * offset;
            double bx = x2 + nx * offset;
            double by = y2 + ny * offset;
            double overshoot = Math.signum(offset) * textSize * 0.4;
            double tick = textSize * 0.35;
            String ink = "#333333";
            double stroke = textSize * 0.06;
            double gap = textSize * 0.3;
            double angle;
            double tx;
            double ty;
            if (Math.abs(dy) < 1e-9) {
                angle = 0;
                tx = (ax + bx) / 2;
                ty = ay - gap;
            } else if (Math.abs(dx) < 1e-9) {
                angle = 90;
                tx = ax - gap;
                ty = (ay + by) / 2;
            } else {
                angle = Math.toDegrees(Math.atan2(-dy, dx));
                tx = (ax + bx) / 2 - nx * gap;
                ty = (ay + by) / 2 - ny * gap;
            }
            return List.of(
                    new Line(role, x1, y1, ax + nx * overshoot, ay + ny * overshoot, ink, stroke, false),
                    new Line(role, x2, y2, bx + nx * overshoot, by + ny * overshoot, ink, stroke, false),
                    new Line(role, ax, ay, bx, by, ink, stroke, false),
                    new Line(
                            role,
                            ax - (dx - nx) * tick,
                            ay - (dy - ny) * tick,
                            ax + (dx - nx) * tick,
                            ay + (dy - ny) * tick,
                            ink,
                            stroke * 2,
                            false),
                    new Line(
                            role,
                            bx - (dx - nx) * tick,
                            by - (dy - ny) * tick,
                            bx + (dx - nx) * tick,
                            by + (dy - ny) * tick,
                            ink,
                            stroke * 2,
                            false),
                    new Text(role, tx, ty, text, textSize, "middle", angle));
        }
    }

    /** A point of a polyline. */
    record Point(double x, double y) {}
}
