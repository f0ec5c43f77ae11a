package no.tilpass.server.drawing;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;

/** Draws a {@link Drawing} into a PDF page as vector graphics (OpenPDF), scaled to fit a box. */
public final class PdfDrawing {
    private final PdfContentByte canvas;
    private final BaseFont font;
    private final double scale;
    private final double originX;
    private final double originY;
    private final Drawing.ViewBox box;

    private PdfDrawing(PdfContentByte canvas, BaseFont font, Drawing.ViewBox box, double scale, double x, double top) {
        this.canvas = canvas;
        this.font = font;
        this.box = box;
        this.scale = scale;
        this.originX = x;
        this.originY = top;
    }

    /**
     * Draws {@code drawing} into the box whose lower left corner is ({@code x}, {@code y}) in points,
     * keeping its proportions, centred horizontally and aligned to the box's top.
     *
     * @return the height in points the drawing took
     */
    public static float draw(
            PdfContentByte canvas, BaseFont font, Drawing drawing, float x, float y, float width, float height) {
        Drawing.ViewBox box = drawing.viewBox();
        double scale = Math.min(width / box.width(), height / box.height());
        double left = x + (width - box.width() * scale) / 2;
        PdfDrawing pdf = new PdfDrawing(canvas, font, box, scale, left, y + height);
        canvas.saveState();
        drawing.flattened().forEach(pdf::shape);
        canvas.restoreState();
        return (float) (box.height() * scale);
    }

    private float px(double x) {
        return (float) (originX + (x - box.x()) * scale);
    }

    private float py(double y) {
        return (float) (originY - (y - box.y()) * scale);
    }

    private void shape(Shape shape) {
        if (shape instanceof Shape.Rect r) {
            pen(r.stroke(), r.strokeWidth(), r.dashed());
            canvas.rectangle(
                    px(r.x()), py(r.y() + r.height()), (float) (r.width() * scale), (float) (r.height() * scale));
            finish(r.fill());
        } else if (shape instanceof Shape.Line l) {
            pen(l.stroke(), l.strokeWidth(), l.dashed());
            canvas.moveTo(px(l.x1()), py(l.y1()));
            canvas.lineTo(px(l.x2()), py(l.y2()));
            canvas.stroke();
        } else if (shape instanceof Shape.Polyline p) {
            pen(p.stroke(), p.strokeWidth(), p.dashed());
            for (int i = 0; i < p.points().size(); i++) {
                Shape.Point point = p.points().get(i);
                if (i == 0) {
                    canvas.moveTo(px(point.x()), py(point.y()));
                } else {
                    canvas.lineTo(px(point.x()), py(point.y()));
                }
            }
            if (p.closed()) {
                canvas.closePath();
                finish(p.fill());
            } else {
                canvas.stroke();
            }
        } else if (shape instanceof Shape.Circle c) {
            pen(c.stroke(), c.strokeWidth(), false);
            canvas.circle(px(c.cx()), py(c.cy()), (float) (c.r() * scale));
            finish(c.fill());
        } else if (shape instanceof Shape.Text t) {
            int align =
                    switch (t.anchor()) {
                        case "middle" -> Element.ALIGN_CENTER;
                        case "end" -> Element.ALIGN_RIGHT;
                        default -> Element.ALIGN_LEFT;
                    };
            canvas.beginText();
            canvas.setColorFill(Color.DARK_GRAY);
            canvas.setFontAndSize(font, (float) Math.max(4, t.size() * scale));
            canvas.showTextAligned(align, t.text(), px(t.x()), py(t.y()), (float) t.rotate());
            canvas.endText();
        } else if (shape instanceof Shape.Dimension d) {
            d.parts().forEach(this::shape);
        }
    }

    private void pen(String stroke, double width, boolean dashed) {
        canvas.setColorStroke(colour(stroke, Color.DARK_GRAY));
        float points = (float) Math.max(0.25, width * scale);
        canvas.setLineWidth(points);
        if (dashed) {
            canvas.setLineDash(points * 6, points * 4, 0);
        } else {
            canvas.setLineDash(0);
        }
    }

    private void finish(String fill) {
        if (fill == null || fill.equals("none")) {
            canvas.stroke();
        } else {
            canvas.setColorFill(colour(fill, Color.WHITE));
            canvas.fillStroke();
        }
    }

    static Color colour(String hex, Color fallback) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            return fallback;
        }
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }
}
