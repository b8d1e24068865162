package dev.homeenergy.devicehttp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Inflates a body that starts with gzip's magic bytes {@code 1f 8b}, for devices that compress
 * without saying so in a header (the Tesla gateway's TEDAPI from firmware 25.42). The inflated body
 * is held to the same cap as the body on the wire, and inflating stops as soon as it passes the
 * cap, so a small gzip bomb cannot make the exporter buffer more than the cap.
 */
final class GzipBody {
  private static final int CHUNK = 16 * 1024;

  private GzipBody() {}

  /** Whether {@code body} starts with gzip's magic bytes. */
  static boolean isGzip(byte[] body) {
    return body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
  }

  /**
   * {@code body} inflated when it is gzip, else {@code body} itself.
   *
   * @throws BoundedBody.TooLarge when the inflated body passes {@code maxBytes}
   * @throws IOException when the gzip data is cut short or corrupt
   */
  static byte[] inflateIfGzip(byte[] body, int maxBytes) throws IOException {
    if (!isGzip(body)) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), CHUNK)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[CHUNK];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if ((long) out.size() + n > maxBytes) {
          throw new BoundedBody.TooLarge(maxBytes);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
