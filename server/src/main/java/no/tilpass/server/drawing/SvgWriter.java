package no.tilpass.server.drawing;

import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a {@link Drawing} as SVG 1.1 text; one user unit is one millimetre. */
final class SvgWriter {
    private SvgWriter() {}

    static String write(Drawing drawing) {
        Drawing.ViewBox box = drawing.viewBox();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
                .append(" viewBox=\"")
                .append(num(box.x()))
                .append(' ')
                .append(num(box.y()))
                .append(' ')
                .append(num(box.width()))
                .append(' ')
                .append(num(box.height()))
                .append("\" width=\"")
                .append(num(box.width()))
                .append("mm\" height=\"")
                .append(num(box.height()))
                .append("mm\" data-kind=\"")
                .append(escape(drawing.kind()))
                .append("\">\n");
        drawing.flattened()
                .forEach(shape -> svg.append("  ").append(element(shape)).append('\n'));
        return svg.append("</svg>\n").toString();
    }

    private static String element(Shape shape) {
        if (shape instanceof Shape.Rect r) {
            return "<rect class=\"" + escape(r.role()) + "\" x=\"" + num(r.x()) + "\" y=\"" + num(r.y())
                    + "\" width=\"" + num(r.width()) + "\" height=\"" + num(r.height()) + "\""
                    + paint(r.stroke(), r.fill(), r.strokeWidth(), r.dashed()) + "/>";
        }
        if (shape instanceof Shape.Line l) {
            return "<line class=\"" + escape(l.role()) + "\" x1=\"" + num(l.x1()) + "\" y1=\"" + num(l.y1())
                    + "\" x2=\"" + num(l.x2()) + "\" y2=\"" + num(l.y2()) + "\""
                    + paint(l.stroke(), "none", l.strokeWidth(), l.dashed()) + "/>";
        }
        if (shape instanceof Shape.Polyline p) {
            return "<" + (p.closed() ? "polygon" : "polyline") + " class=\"" + escape(p.role()) + "\" points=\""
                    + p.points().stream()
                            .map(pt -> num(pt.x()) + "," + num(pt.y()))
                            .collect(Collectors.joining(" "))
                    + "\"" + paint(p.stroke(), p.fill(), p.strokeWidth(), p.dashed()) + "/>";
        }
        if (shape instanceof Shape.Circle c) {
            return "<circle class=\"" + escape(c.role()) + "\" cx=\"" + num(c.cx()) + "\" cy=\"" + num(c.cy())
                    + "\" r=\"" + num(c.r()) + "\"" + paint(c.stroke(), c.fill(), c.strokeWidth(), false) + "/>";
        }
        if (shape instanceof Shape.Text t) {
            return "<text class=\"" + escape(t.role()) + "\" x=\"" + num(t.x()) + "\" y=\"" + num(t.y())
                    + "\" font-family=\"sans-serif\" font-size=\"" + num(t.size()) + "\" text-anchor=\""
                    + escape(t.anchor()) + "\""
                    + (t.rotate() == 0
                            ? ""
                            : " transform=\"rotate(" + num(-t.rotate()) + " " + num(t.x()) + " " + num(t.y()) + ")\"")
                    + ">" + escape(t.text()) + "</text>";
        }
        Shape.Dimension d = (Shape.Dimension) shape;
        return d.parts().stream().map(SvgWriter::element).collect(Collectors.joining("\n  "));
    }

    private static String paint(String stroke, String fill, double width, boolean dashed) {
        return " stroke=\"" + escape(stroke) + "\" fill=\"" + escape(fill) + "\" stroke-width=\"" + num(width) + "\""
                + (dashed ? " stroke-dasharray=\"" + num(width * 6) + " " + num(width * 4) + "\"" : "");
    }

    static String num(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return String.format(Locale.ROOT, "%.2f", rounded).replaceAll("0+$", "");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
