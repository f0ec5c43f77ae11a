package no.tilpass.server.drawing;

import java.util.List;

/** Any product with a width and height: its outline and its two dimensions. */
final class OutlineDrawer implements Drawings.Drawer {
    @Override
    public Drawing draw(Values values) {
        int width = values.integer("width", 1000, 10, 100_000);
        int height = values.integer("height", 1000, 10, 100_000);
        double text = Drawings.textSize(width, height);
        Pen pen = new Pen(text * 0.08, text);
        String fill = Colours.hex(values.firstText(List.of("colour", "colour_outside")), "#eeeeee");
        pen.rect("outline", 0, 0, width, height, fill);
        if (values.integer("width").isPresent()) {
            pen.dimension(0, height, width, height, text * 3);
        }
        if (values.integer("height").isPresent()) {
            pen.dimension(width, height, width, 0, text * 3);
        }
        return new Drawing("outline", "front", width, height, Drawings.box(width, height, text), pen.shapes());
    }
}
