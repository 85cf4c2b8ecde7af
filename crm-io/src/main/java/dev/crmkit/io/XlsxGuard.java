package dev.crmkit.io;

import dev.crmkit.api.Limits;
import dev.crmkit.api.ValidationException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Enumeration;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Checks an .xlsx file before fastexcel reads it, so that what fastexcel then reads is bounded (IO-1): the zip's
 * table of contents lists at most {@link Limits#IMPORT_XLSX_PARTS} parts; every part is inflated once, counting
 * the bytes that actually come out (not the sizes the archive claims), and the file is refused as a zip bomb when
 * a part expands more than {@link Limits#IMPORT_XLSX_RATIO} times past its first MiB or all parts past
 * {@link Limits#IMPORT_XLSX_EXPANDED} bytes; every XML part is parsed with the JDK's parser, DTDs and external
 * entities off, and refused when it declares a document type (so no entity, external or not, ever reaches
 * fastexcel's parser, which has them off too); a row with a cell past column {@link Limits#XLSX_COLUMNS} and a cell
 * or shared string longer than {@link Limits#IMPORT_CELL} characters are refused, because fastexcel holds a whole
 * row and a whole cell in memory; a part neither stored nor deflated (as spreadsheet programs write them) is
 * refused. It uses the same zip reader as fastexcel (commons-compress), so both see the
 * same parts. Memory: a fixed buffer and the parser's, besides the file. Stateless.
 */
final class XlsxGuard {

    /** The bytes a part may expand to before its ratio is checked: small parts may compress very well. */
    private static final int GRACE = 1024 * 1024;
    /** The end-of-central-directory record: its signature and smallest size. */
    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int EOCD_SIZE = 22;
    /** A zip64 locator just before the end record (an .xlsx of at most 32 MiB needs no zip64). */
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    /** The most bytes the table of contents of {@link Limits#IMPORT_XLSX_PARTS} parts may take. */
    private static final int CENTRAL_DIRECTORY = Limits.IMPORT_XLSX_PARTS * 1024;

    private static final XMLInputFactory XML = hardened();

    private XlsxGuard() {
    }

    private static XMLInputFactory hardened() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entities are not read: " + systemId);
        });
        return factory;
    }

    /**
     * Checks a whole .xlsx file.
     *
     * @param file the file's bytes
     * @throws ValidationException {@code io.xlsx.not_workbook}, {@code io.xlsx.too_many_parts},
     *         {@code io.xlsx.bomb}, {@code io.xlsx.doctype}, {@code io.xlsx.too_wide} or
     *         {@code io.xlsx.cell_too_long}
     */
    static void check(byte[] file) {
        tableOfContents(file);
        Budget budget = new Budget();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
            int parts = 0;
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (++parts > Limits.IMPORT_XLSX_PARTS) {
                    throw IoMessages.invalid("", "io.xlsx.too_many_parts", Limits.IMPORT_XLSX_PARTS);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                // Spreadsheet programs deflate or store; the other methods commons-compress knows need libraries
                // that are not here (Zstandard, XZ), so such a part is refused before it is opened.
                if (entry.getMethod() != ZipArchiveEntry.DEFLATED && entry.getMethod() != ZipArchiveEntry.STORED
                        || !zip.canReadEntryData(entry)) {
                    throw IoMessages.invalid("", "io.xlsx.not_workbook");
                }
                try (InputStream in = new BufferedInputStream(new Counted(zip.getInputStream(entry), entry, budget))) {
                    part(entry.getName(), in);
                }
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw refusal(e);
        }
    }

    /**
     * Reads the end record of the zip, as commons-compress finds it (the last signature from the end), and checks
     * that the table of contents it points to is small: commons-compress reads every entry of the table into
     * memory before anything else can be checked.
     */
    private static void tableOfContents(byte[] file) {
        int end = -1;
        for (int at = file.length - EOCD_SIZE; at >= Math.max(0, file.length - EOCD_SIZE - 0xFFFF); at--) {
            if (int32(file, at) == EOCD_SIGNATURE) {
                end = at;
                break;
            }
        }
        if (end < 0 || end >= 20 && int32(file, end - 20) == ZIP64_LOCATOR_SIGNATURE) {
            throw IoMessages.invalid("", "io.xlsx.not_workbook");
        }
        long entries = int16(file, end + 10);
        long start = int32(file, end + 16) & 0xFFFF_FFFFL;
        if (entries > Limits.IMPORT_XLSX_PARTS || start > end || file.length - start > CENTRAL_DIRECTORY) {
            throw IoMessages.invalid("", "io.xlsx.too_many_parts", Limits.IMPORT_XLSX_PARTS);
        }
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    /** Parses a part that is XML; reads any other part (such as an image) to its end, counting. */
    private static void part(String name, InputStream in) throws IOException, XMLStreamException {
        if (!xml(in)) {
            in.transferTo(OutputStream.nullOutputStream());
            return;
        }
        XMLStreamReader reader = XML.createXMLStreamReader(in);
        try {
            long row = 0;
            int cells = 0;
            long text = 0;
            int inCell = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                        || event == XMLStreamConstants.ENTITY_DECLARATION) {
                    throw IoMessages.invalid("", "io.xlsx.doctype", name);
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = reader.getLocalName();
                    if (element.equals("row")) {
                        row++;
                        cells = 0;
                    } else if (element.equals("c")) {
                        cells++;
                        if (cells > Limits.XLSX_COLUMNS || column(reader.getAttributeValue(null, "r"))
                                > Limits.XLSX_COLUMNS) {
                            throw IoMessages.invalid("", "io.xlsx.too_wide", row, Limits.XLSX_COLUMNS);
                        }
                        text = 0;
                        inCell++;
                    } else if (element.equals("si")) {
                        text = 0;
                        inCell++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String element = reader.getLocalName();
                    if (element.equals("c") || element.equals("si")) {
                        inCell = Math.max(0, inCell - 1);
                    }
                } else if (inCell > 0 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE)) {
                    text += reader.getTextLength();
                    if (text > Limits.IMPORT_CELL) {
                        throw IoMessages.invalid("", "io.xlsx.cell_too_long", Limits.IMPORT_CELL, name);
                    }
                }
            }
        } finally {
            reader.close();
        }
    }

    /** Whether a part begins as XML does: a byte order mark, or {@code <} after white space (UTF-8 or UTF-16). */
    private static boolean xml(InputStream in) throws IOException {
        in.mark(64);
        byte[] head = in.readNBytes(64);
        in.reset();
        if (head.length >= 2 && (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF
                || head[0] == (byte) 0xFF && head[1] == (byte) 0xFE || head[0] == 0 && head[1] == '<')) {
            return true;
        }
        int at = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
        while (at < head.length && (head[at] == ' ' || head[at] == '\t' || head[at] == '\r' || head[at] == '\n')) {
            at++;
        }
        return at < head.length && head[at] == '<';
    }

    /** The column (from 1) of a cell reference such as {@code AB12}; 0 when there is none or it has no letters. */
    static long column(String reference) {
        if (reference == null) {
            return 0;
        }
        long column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            if (column > Limits.XLSX_COLUMNS) {
                return column;
            }
        }
        return column;
    }

    /** The typed error a failure of the check comes to. */
    private static ValidationException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ValidationException) {
                return (ValidationException) t;
            }
            if (t instanceof XMLStreamException && ((XMLStreamException) t).getNestedException() instanceof
                    ValidationException) {
                return (ValidationException) ((XMLStreamException) t).getNestedException();
            }
        }
        return IoMessages.invalid("", "io.xlsx.not_workbook");
    }

    /** The bytes all parts expanded to so far. */
    private static final class Budget {
        long expanded;
    }

    /** A part's inflated bytes, counted against its ratio and the file's budget as they come out. */
    private static final class Counted extends FilterInputStream {
        private final String name;
        private final long compressed;
        private final Budget budget;
        private long count;

        Counted(InputStream in, ZipArchiveEntry entry, Budget budget) {
            super(in);
            this.name = entry.getName();
            this.compressed = Math.max(1, entry.getCompressedSize());
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, 8192));
            add(skipped);
            return skipped;
        }

        private void add(long n) {
            count += n;
            budget.expanded += n;
            if (count > GRACE && count / compressed > Limits.IMPORT_XLSX_RATIO
                    || budget.expanded > Limits.IMPORT_XLSX_EXPANDED) {
                throw IoMessages.invalid("", "io.xlsx.bomb", name);
            }
        }
    }
}
