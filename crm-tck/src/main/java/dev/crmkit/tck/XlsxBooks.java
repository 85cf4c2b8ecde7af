package dev.crmkit.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * .xlsx workbooks for the import kits, zipped by hand from a sheet's XML, so that a kit can write typed cells
 * (numbers, date-formatted numbers) and broken or hostile files. Style 1 is a date format.
 */
final class XlsxBooks {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private XlsxBooks() {
    }

    /** A workbook whose only sheet holds these {@code <row>} elements. */
    static byte[] rows(String rows) {
        return sheet("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>" + rows
                + "</sheetData></worksheet>");
    }

    /** A workbook whose only sheet is this XML. */
    static byte[] sheet(String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            part(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName="
                    + "\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
                    + "styles+xml\"/></Types>");
            part(zip, "xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"http://schemas.openxmlformats."
                    + "org/officeDocument/2006/relationships\"><sheets><sheet name=\"People\" sheetId=\"1\" "
                    + "r:id=\"rId1\"/></sheets></workbook>");
            part(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats."
                    + "org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            part(zip, "xl/styles.xml", "<styleSheet xmlns=\"" + MAIN + "\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
                    + "<xf numFmtId=\"14\"/></cellXfs></styleSheet>");
            part(zip, "xl/worksheets/sheet1.xml", xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A row of cells: text cells, and {@code #n} for a number cell of n, {@code #dn} for a date cell of serial n. */
    static String row(int number, String... cells) {
        StringBuilder row = new StringBuilder("<row r=\"").append(number).append("\">");
        for (String cell : cells) {
            if (cell.startsWith("#d")) {
                row.append("<c s=\"1\"><v>").append(cell.substring(2)).append("</v></c>");
            } else if (cell.startsWith("#")) {
                row.append("<c><v>").append(cell.substring(1)).append("</v></c>");
            } else if (cell.isEmpty()) {
                row.append("<c/>");
            } else {
                row.append("<c t=\"inlineStr\"><is><t>").append(cell.replace("&", "&amp;").replace("<", "&lt;"))
                        .append("</t></is></c>");
            }
        }
        return row.append("</row>").toString();
    }
}
