package no.tilpass.server.quote;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import no.tilpass.server.drawing.PdfDrawing;

/**
 * Lays out a {@link QuoteDocument} as an A4 PDF: header with firm, number and dates; the drawing to scale
 * as vector graphics; the specification; the price lines and total in NOK; the terms.
 */
public final class QuotePdf {
    private static final float DRAWING_HEIGHT = 250;
    private static final Color RULE = new Color(0x99, 0x99, 0x99);
    private static final Color HEADING = new Color(0xee, 0xee, 0xea);

    private final BaseFont regular;
    private final BaseFont bold;

    private QuotePdf() {
        try {
            regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the PDF standard fonts are not available", e);
        }
    }

    /** The quote as PDF bytes. */
    public static byte[] render(QuoteDocument quote) {
        return new QuotePdf().write(quote);
    }

    private byte[] write(QuoteDocument quote) {
        QuoteTexts texts = QuoteTexts.of(quote.language());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, bytes);
            document.addTitle(texts.text("title") + " " + quote.number());
            document.addAuthor(quote.firm());
            document.addCreator("Tilpass");
            document.open();

            Paragraph firm = new Paragraph(quote.firm(), new Font(bold, 16));
            document.add(firm);
            Paragraph title = new Paragraph(texts.text("title") + ": " + quote.product(), new Font(bold, 13));
            title.setSpacingBefore(4);
            document.add(title);
            PdfPTable facts = table(2, new float[] {1, 2});
            facts.setWidthPercentage(60);
            facts.setHorizontalAlignment(Element.ALIGN_LEFT);
            row(facts, texts.text("number"), quote.number(), false);
            row(facts, texts.text("date"), texts.date(quote.issued()), false);
            row(facts, texts.text("valid_until"), texts.date(quote.validUntil()), true);
            row(facts, texts.text("customer_reference"), quote.reference(), false);
            facts.setSpacingBefore(6);
            document.add(facts);

            float width = document.right() - document.left();
            PdfTemplate template = writer.getDirectContent().createTemplate(width, DRAWING_HEIGHT);
            PdfDrawing.draw(template, regular, quote.drawing(), 0, 0, width, DRAWING_HEIGHT);
            Image drawing = Image.getInstance(template);
            drawing.setAlignment(Element.ALIGN_CENTER);
            drawing.setSpacingBefore(10);
            document.add(drawing);
            Paragraph caption =
                    new Paragraph(texts.text("view_" + quote.drawing().view()), new Font(regular, 8));
            caption.setAlignment(Element.ALIGN_CENTER);
            document.add(caption);

            document.add(heading(texts.text("options")));
            PdfPTable options = table(2, new float[] {1, 1});
            for (QuoteDocument.OptionLine line : quote.options()) {
                if (line.heading()) {
                    PdfPCell cell = new PdfPCell(new Phrase(line.label(), new Font(bold, 9)));
                    cell.setColspan(2);
                    cell.setBackgroundColor(HEADING);
                    cell.setBorder(Rectangle.NO_BORDER);
                    cell.setPadding(3);
                    options.addCell(cell);
                } else {
                    row(options, line.label(), line.value(), false);
                }
            }
            document.add(options);

            document.add(heading(texts.text("price")));
            PdfPTable price = table(2, new float[] {3, 1});
            for (QuoteDocument.PriceLine line : quote.lines()) {
                moneyRow(price, line.label(), texts.money(line.amount()), false);
            }
            moneyRow(price, texts.text("total") + " NOK", texts.money(quote.total()), true);
            document.add(price);
            document.add(new Paragraph(texts.text("currency_note"), new Font(regular, 8)));
            if (quote.estimate()) {
                document.add(new Paragraph(texts.text("estimate_note"), new Font(bold, 8)));
            }

            document.add(heading(texts.text("terms")));
            for (String key : new String[] {"term_validity", "term_dimensions", "term_view", "term_delivery"}) {
                String term = texts.text(key).replace("{date}", texts.date(quote.validUntil()));
                Paragraph paragraph = new Paragraph(new Chunk("- " + term, new Font(regular, 9)));
                paragraph.setSpacingAfter(2);
                document.add(paragraph);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not lay out quote " + quote.number(), e);
        }
        if (bytes.size() == 0) {
            throw new UncheckedIOException(new IOException("empty PDF for quote " + quote.number()));
        }
        return bytes.toByteArray();
    }

    private Paragraph heading(String text) {
        Paragraph heading = new Paragraph(text, new Font(bold, 11));
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        return heading;
    }

    private static PdfPTable table(int columns, float[] widths) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        try {
            table.setWidths(widths);
        } catch (DocumentException e) {
            throw new IllegalArgumentException(e);
        }
        return table;
    }

    private void row(PdfPTable table, String label, String value, boolean strong) {
        table.addCell(cell(label, new Font(regular, 9), Element.ALIGN_LEFT));
        table.addCell(cell(value, new Font(strong ? bold : regular, 9), Element.ALIGN_LEFT));
    }

    private void moneyRow(PdfPTable table, String label, String amount, boolean total) {
        Font font = new Font(total ? bold : regular, total ? 10 : 9);
        PdfPCell left = cell(label, font, Element.ALIGN_LEFT);
        PdfPCell right = cell(amount, font, Element.ALIGN_RIGHT);
        if (total) {
            left.setBorder(Rectangle.TOP);
            right.setBorder(Rectangle.TOP);
            left.setBorderColor(RULE);
            right.setBorderColor(RULE);
        }
        table.addCell(left);
        table.addCell(right);
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(2);
        return cell;
    }
}
