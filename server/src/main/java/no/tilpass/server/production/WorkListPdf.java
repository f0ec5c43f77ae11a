package no.tilpass.server.production;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.Barcode128;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.List;

/** A work centre's work list as PDF: its planned operations in start order, each with Code 128 barcodes. */
final class WorkListPdf {
    private WorkListPdf() {}

    /**
     * One operation; {@code quantity} is the units of its order (the operation's minutes cover them all);
     * {@code lost}: the part of an uninterruptible operation that a stop cut short (its work is lost);
     * {@code restarted}: an uninterruptible operation planned again whole after a stop.
     */
    record Row(
            String orderId,
            long orderNumber,
            long quantity,
            String taskId,
            String operation,
            String description,
            long minutes,
            LocalDateTime start,
            LocalDateTime end,
            boolean lost,
            boolean restarted) {}

    /** The line under an operation that tells the worker what a stop did to it, or empty. */
    static String stopNote(Row r) {
        if (r.lost()) {
            return "LOST: cut short by a stop; do not continue it, it runs again from its start";
        }
        if (r.restarted()) {
            return "RESTARTED: runs again whole after a stop; start from the beginning";
        }
        return "";
    }

    static byte[] render(String firm, String centreId, String centreName, LocalDateTime now, List<Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle("Work list " + centreId);
        doc.addCreator("Tilpass");
        doc.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 9);
        doc.add(new Paragraph("Work list — " + centreName + " (" + centreId + "), " + firm, title));
        doc.add(new Paragraph("Planned operations from " + now + ", in start order.", small));
        PdfPTable table = new PdfPTable(new float[] {2.2f, 2.2f, 3.2f, 1f, 3.6f, 3.6f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        for (String h : List.of("Start", "End", "Operation", "Min", "Order", "Task")) {
            PdfPCell c = new PdfPCell(new Paragraph(h, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9)));
            table.addCell(c);
        }
        table.setHeaderRows(1);
        PdfContentByte cb = writer.getDirectContent();
        for (Row r : rows) {
            table.addCell(
                    new Paragraph(r.start() == null ? "-" : r.start().toString().replace('T', ' '), small));
            table.addCell(
                    new Paragraph(r.end() == null ? "-" : r.end().toString().replace('T', ' '), small));
            Paragraph operation = new Paragraph(r.operation() + " — " + r.description(), small);
            String note = stopNote(r);
            if (!note.isEmpty()) {
                operation.add(new Chunk("\n" + note, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9)));
            }
            table.addCell(operation);
            table.addCell(new Paragraph(Long.toString(r.minutes()), small));
            table.addCell(barcode(
                    cb, r.orderId(), "Order " + r.orderNumber() + " (" + r.quantity() + " pcs) " + r.orderId()));
            table.addCell(barcode(cb, r.taskId(), r.taskId()));
        }
        doc.add(table);
        if (rows.isEmpty()) {
            doc.add(new Paragraph("Nothing planned on this work centre.", small));
        }
        doc.close();
        return out.toByteArray();
    }

    private static PdfPCell barcode(PdfContentByte cb, String code, String text) {
        Barcode128 b = new Barcode128();
        b.setCode(code);
        b.setBarHeight(22);
        b.setX(0.7f);
        b.setAltText(text);
        Image image = b.createImageWithBarcode(cb, null, null);
        PdfPCell cell = new PdfPCell(image, false);
        cell.setPadding(3);
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        return cell;
    }
}
