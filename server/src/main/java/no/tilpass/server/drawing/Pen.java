package no.tilpass.server.drawing;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects shapes with one line width and text size for a drawing, so drawers read as a list of parts.
 * Not thread-safe; one pen per drawing.
 */
final class Pen {
    static final String INK = "#333333";
    static final String GLASS = "#cfe3ee";
    static final String NONE = "none";

    private final double line;
    private final double textSize;
    private final List<Shape> shapes = new ArrayList<>();

    Pen(double line, double textSize) {
        this.line = line;
        this.textSize = textSize;
    }

    double textSize() {
        return textSize;
    }

    void rect(String role, double x, double y, double width, double height, String fill) {
        shapes.add(new Shape.Rect(role, x, y, width, height, INK, fill, line, false));
    }

    void line(String role, double x1, double y1, double x2, double y2, boolean dashed) {
        shapes.add(new Shape.Line(role, x1, y1, x2, y2, INK, line, dashed));
    }

    void polyline(String role, boolean closed, String fill, boolean dashed, double... xy) {
        List<Shape.Point> points = new ArrayList<>();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            points.add(new Shape.Point(xy[i], xy[i + 1]));
        }
        shapes.add(new Shape.Polyline(role, points, closed, INK, fill, line, dashed));
    }

    void circle(String role, double cx, double cy, double r, String fill) {
        shapes.add(new Shape.Circle(role, cx, cy, r, INK, fill, line));
    }

    void text(String role, double x, double y, String text, String anchor) {
        shapes.add(new Shape.Text(role, x, y, text, textSize, anchor, 0));
    }

    /** A dimension line labelled with its length in whole millimetres. */
    void dimension(double x1, double y1, double x2, double y2, double offset) {
        long mm = Math.round(Math.hypot(x2 - x1, y2 - y1));
        shapes.add(new Shape.Dimension("dimension", x1, y1, x2, y2, offset, Long.toString(mm), textSize));
    }

    List<Shape> shapes() {
        return List.copyOf(shapes);
    }
}
