package dev.crmkit.backup;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The archive as the JSON parser reads it: counts the bytes against the size bound, and hashes exactly the bytes
 * of one range (the archive's content) with SHA-256, although the parser names the range's ends only after it
 * has read past them. It keeps the last {@link #WINDOW} bytes it handed on and hashes a byte only when it is
 * about to drop it, or when the range ends; the parser never holds more than one read ahead of the token it
 * reports (at most {@link #CHUNK} bytes, which each read is capped at), so the range's ends are always still in
 * the window. Not thread-safe; one per restore.
 */
final class ChecksumInput extends InputStream {

    /** The most bytes one read hands on. */
    static final int CHUNK = 16 * 1024;
    /** How many of the bytes handed on last are kept; four reads' worth. */
    static final int WINDOW = 4 * CHUNK;

    /** More bytes than the bound allows were read. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("the archive is larger than " + limit + " bytes");
        }
    }

    private final InputStream in;
    private final long limit;
    private final byte[] window = new byte[WINDOW];
    private final MessageDigest digest;
    /** How many bytes were handed on. */
    private long read;
    /** The position up to which the range is hashed; -1 before it starts. */
    private long hashed = -1;
    private boolean ended;
    private boolean atEnd;

    ChecksumInput(InputStream in, long limit) {
        this.in = Objects.requireNonNull(in, "in");
        this.limit = limit;
        this.digest = sha256();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, Math.min(len, CHUNK));
        if (n < 0) {
            atEnd = true;
            return n;
        }
        if (read + n > limit) {
            throw new TooLargeException(limit);
        }
        if (hashed >= 0 && !ended) {
            // The new bytes take the place of the oldest ones: hash those of the range first.
            hashUpTo(read + n - WINDOW);
        }
        int at = (int) (read % WINDOW);
        int first = Math.min(n, WINDOW - at);
        System.arraycopy(b, off, window, at, first);
        System.arraycopy(b, off + first, window, 0, n - first);
        read += n;
        return n;
    }

    private void hashUpTo(long to) {
        while (hashed < to) {
            int at = (int) (hashed % WINDOW);
            int len = (int) Math.min(to - hashed, WINDOW - at);
            digest.update(window, at, len);
            hashed += len;
        }
    }

    /**
     * Starts the hashed range.
     *
     * @param position the position of its first byte, among the last {@link #WINDOW} bytes handed on
     */
    void startAt(long position) {
        if (hashed >= 0 || position > read || position < read - WINDOW) {
            throw new IllegalStateException("the range cannot start at " + position + " after " + read + " bytes");
        }
        hashed = position;
    }

    /**
     * Ends the hashed range.
     *
     * @param position the position after its last byte, among the last bytes handed on
     * @return the SHA-256 of the range
     */
    byte[] endAt(long position) {
        if (hashed < 0 || ended || position < hashed || position > read) {
            throw new IllegalStateException("the range cannot end at " + position + " after " + read + " bytes");
        }
        hashUpTo(position);
        ended = true;
        return digest.digest();
    }

    /**
     * How many bytes were handed on.
     *
     * @return the count
     */
    long position() {
        return read;
    }

    /**
     * Whether the underlying stream has ended.
     *
     * @return true once a read met its end
     */
    boolean atEnd() {
        return atEnd;
    }
}
