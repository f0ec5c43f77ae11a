package no.tilpass.server.drawing;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a configured product to scale. The drawer is chosen by the model's name ({@code
 * casement_window} draws a window, {@code exterior_door} a door, {@code office_chair} a chair); any other
 * product with a width and a height is a plain outline. Values are option values by name as written
 * ({@code "1200"}, {@code "left"}, {@code "true"}), component options namespaced; options a drawer does
 * not find are left out of the drawing, never an error.
 */
public final class Drawings {
    /** Which drawer a model name selects: the first key word the name contains. */
    private static final List<Map.Entry<String, Drawer>> DRAWERS = List.of(
            Map.entry("window", new WindowDrawer()),
            Map.entry("door", new DoorDrawer()),
            Map.entry("chair", new ChairDrawer()));

    private Drawings() {}

    /** The drawing of the product {@code modelName} configured with {@code values}. */
    public static Drawing draw(String modelName, Map<String, String> values) {
        String name = modelName == null ? "" : modelName.toLowerCase(Locale.ROOT);
        Values read = new Values(values);
        return DRAWERS.stream()
                .filter(e -> name.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseGet(OutlineDrawer::new)
                .draw(read);
    }

    /** Draws one kind of product. */
    interface Drawer {
        Drawing draw(Values values);
    }

    /** The view box around a product of the given size with room for dimension lines right and below. */
    static Drawing.ViewBox box(double width, double height, double textSize) {
        double margin = textSize * 1.5;
        double dimensions = textSize * 6;
        return new Drawing.ViewBox(-margin, -margin, width + margin + dimensions, height + margin + dimensions);
    }

    /** Text size for a product of this size: legible when the drawing is scaled to a page. */
    static double textSize(double width, double height) {
        return Math.max(width, height) / 28;
    }
}
