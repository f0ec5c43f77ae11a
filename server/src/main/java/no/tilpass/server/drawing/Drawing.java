package no.tilpass.server.drawing;

import java.util.List;
import java.util.stream.Stream;

/**
 * A drawing to scale of one configured product. {@code width} and {@code height} are the product's outer
 * size in millimetres (the figures its dimension lines show); {@code viewBox} is the area every shape lies
 * in, dimension lines and margins included, in the same millimetres.
 *
 * @param kind which drawer made it: {@code window}, {@code door}, {@code chair} or {@code outline}
 * @param view where it is seen from, for captions: {@code outside}, {@code side} or {@code front}
 */
public record Drawing(String kind, String view, double width, double height, ViewBox viewBox, List<Shape> shapes) {

    public Drawing {
        shapes = List.copyOf(shapes);
    }

    /** The visible area in millimetres: top left corner and size. */
    public record ViewBox(double x, double y, double width, double height) {}

    /** The shapes that play {@code role}, in drawing order. */
    public List<Shape> withRole(String role) {
        return shapes.stream().filter(s -> s.role().equals(role)).toList();
    }

    /** The shapes with dimension lines expanded into their lines and texts. */
    public Stream<Shape> flattened() {
        return shapes.stream().flatMap(s -> s instanceof Shape.Dimension d ? d.parts().stream() : Stream.of(s));
    }

    /** The drawing as a standalone SVG document whose user units are millimetres. */
    public String toSvg() {
        return SvgWriter.write(this);
    }
}
