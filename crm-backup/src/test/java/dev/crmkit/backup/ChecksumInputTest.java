package dev.crmkit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("The checksummed input of a restore")
class ChecksumInputTest {

    /** Hands on at most {@code most} bytes a read, as a network stream may. */
    private static InputStream trickling(byte[] data, int most, Random r) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + r.nextInt(most)));
            }
        };
    }

    @Test
    @Tag("IO-6")
    @DisplayName("it hashes exactly the bytes of the range it is told of after reading past its ends, read in any sizes")
    void hashesTheRange() throws Exception {
        long seed = 20261102;
        Random r = new Random(seed);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[r.nextInt(300_000) + 1];
            r.nextBytes(data);
            int start = r.nextInt(data.length);
            int end = start + r.nextInt(data.length - start + 1);
            ChecksumInput in = new ChecksumInput(trickling(data, 1 + r.nextInt(40_000), r), Long.MAX_VALUE);
            byte[] buffer = new byte[8000];
            // Like the parser: it reads a buffer ahead, and tells of a position only within what it has read.
            while (in.position() <= start && in.read(buffer, 0, buffer.length) >= 0) {
                assertThat(in.position()).isLessThanOrEqualTo(data.length);
            }
            in.startAt(start);
            while (in.position() < end && in.read(buffer, 0, buffer.length) >= 0) {
                assertThat(in.position()).isLessThanOrEqualTo(data.length);
            }
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(data, start, end));
            assertThat(in.endAt(end)).as("seed " + seed + ", round " + round).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("a read hands on at most one chunk, so the range's ends stay within what it keeps")
    void chunks() throws IOException {
        ChecksumInput in = new ChecksumInput(new ByteArrayInputStream(new byte[200_000]), Long.MAX_VALUE);
        assertThat(in.read(new byte[100_000], 0, 100_000)).isEqualTo(ChecksumInput.CHUNK);
        assertThat(ChecksumInput.WINDOW).isGreaterThanOrEqualTo(2 * ChecksumInput.CHUNK);
        while (in.position() <= ChecksumInput.WINDOW) {
            in.read(new byte[100_000], 0, 100_000);
        }
        assertThatThrownBy(() -> in.startAt(0)).as("dropped already").isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Tag("IO-6")
    @DisplayName("more bytes than the bound are refused as soon as the bound is passed")
    void bound() throws IOException {
        ChecksumInput in = new ChecksumInput(new ByteArrayInputStream(new byte[1000]), 999);
        byte[] buffer = new byte[600];
        assertThat(in.read(buffer, 0, buffer.length)).isEqualTo(600);
        assertThatThrownBy(() -> in.read(buffer, 0, buffer.length)).isInstanceOf(ChecksumInput.TooLargeException.class)
                .hasMessageContaining("999");
    }

    @Test
    @DisplayName("the end of the stream is remembered")
    void end() throws IOException {
        ChecksumInput in = new ChecksumInput(new ByteArrayInputStream(new byte[] {1, 2}), 10);
        assertThat(in.read()).isEqualTo(1);
        assertThat(in.read()).isEqualTo(2);
        assertThat(in.atEnd()).isFalse();
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.atEnd()).isTrue();
        assertThat(in.position()).isEqualTo(2);
    }
}
