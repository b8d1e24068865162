package dev.homeenergy.devicehttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Gzip found by its magic bytes, inflated within the cap. */
class GzipBodyTest {
  private static final int CAP = 64 * 1024;

  static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(plain);
    }
    return out.toByteArray();
  }

  /** {@code length} zero bytes, gzipped: about a thousandth of that on the wire. */
  static byte[] bomb(long length) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] zeros = new byte[1024 * 1024];
    try (GZIPOutputStream zip = new GZIPOutputStream(out, zeros.length)) {
      for (long written = 0; written < length; written += zeros.length) {
        zip.write(zeros);
      }
    }
    return out.toByteArray();
  }

  @Test
  void aGzipBodyIsInflatedAndAnyOtherIsReturnedAsIs() throws IOException {
    byte[] din = "1707000-30-L--TG12520300269B".getBytes(StandardCharsets.UTF_8);

    assertThat(GzipBody.inflateIfGzip(gzip(din), CAP)).isEqualTo(din);
    byte[] protobuf = {0x0a, 0x39, 0x1f};
    assertThat(GzipBody.inflateIfGzip(protobuf, CAP)).isSameAs(protobuf);
    assertThat(GzipBody.inflateIfGzip(new byte[] {0x1f}, CAP)).containsExactly(0x1f);
  }

  @Test
  void anInflatedBodyOfExactlyTheCapIsKeptAndOneByteMoreIsRefused() throws IOException {
    byte[] exact = new byte[CAP];
    Arrays.fill(exact, (byte) 'x');
    byte[] over = Arrays.copyOf(exact, CAP + 1);
    over[CAP] = 'x';

    assertThat(GzipBody.inflateIfGzip(gzip(exact), CAP)).hasSize(CAP);
    assertThatThrownBy(() -> GzipBody.inflateIfGzip(gzip(over), CAP))
        .isInstanceOf(BoundedBody.TooLarge.class)
        .hasMessage("body exceeded " + CAP + " bytes");
  }

  @Test
  void aGzipBombStopsAtTheCapWithoutInflatingTheRest() throws IOException {
    byte[] bomb = bomb(64L * 1024 * 1024);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);

    assertThatThrownBy(() -> GzipBody.inflateIfGzip(bomb, CAP))
        .isInstanceOf(BoundedBody.TooLarge.class);

    assertThat(threads.getThreadAllocatedBytes(thread) - before)
        .as("bytes allocated while refusing a 64 MiB bomb")
        .isLessThan(16L * CAP);
  }

  @Test
  void aCutShortGzipBodyFailsAsEndOfFile() throws IOException {
    byte[] whole =
        gzip("a body long enough to be cut".repeat(100).getBytes(StandardCharsets.UTF_8));
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> GzipBody.inflateIfGzip(cut, CAP)).isInstanceOf(EOFException.class);
  }
}
