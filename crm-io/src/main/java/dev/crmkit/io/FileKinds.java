package dev.crmkit.io;

import java.util.Optional;

/**
 * What a file is, by its first bytes: a zip (an .xlsx is one), one of the binary formats people upload by mistake,
 * or possibly text. Pure.
 */
final class FileKinds {

    /** How many bytes from the start of a file {@link #zip} and {@link #unsupported} look at. */
    static final int HEAD = 8;

    private FileKinds() {
    }

    /**
     * Whether a file begins as a zip archive does (a local file header, or the end record of an empty archive).
     *
     * @param head the file's first bytes
     * @return true for a zip
     */
    static boolean zip(byte[] head) {
        return starts(head, 'P', 'K', 3, 4) || starts(head, 'P', 'K', 5, 6) || starts(head, 'P', 'K', 7, 8);
    }

    /**
     * The binary format a file begins as, when it is one an import cannot read: PNG, JPEG, GIF, PDF, the old Excel
     * and Word format (OLE2, {@code .xls}) or gzip.
     *
     * @param head the file's first bytes
     * @return the format's name, or empty when the file may be CSV or .xlsx
     */
    static Optional<String> unsupported(byte[] head) {
        if (starts(head, 0x89, 'P', 'N', 'G')) {
            return Optional.of("PNG");
        }
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("JPEG");
        }
        if (starts(head, 'G', 'I', 'F', '8')) {
            return Optional.of("GIF");
        }
        if (starts(head, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("PDF");
        }
        if (starts(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Optional.of(".xls (OLE2)");
        }
        if (starts(head, 0x1F, 0x8B)) {
            return Optional.of("gzip");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
