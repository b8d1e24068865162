package dev.homeenergy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads the files kept under {@code src/test/resources/<folder>/}: each family's device captures
 * ({@code wallconnector}, {@code powerwall}, {@code sunpower}, {@code tesla}) and other test inputs
 * such as {@code web/tls}. A missing file fails loudly instead of reading as empty.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The file {@code name} in {@code folder} as UTF-8 text. */
  public static String text(String folder, String name) {
    return new String(bytes(folder, name), StandardCharsets.UTF_8);
  }

  public static byte[] bytes(String folder, String name) {
    String resource = "/" + folder + "/" + name;
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
