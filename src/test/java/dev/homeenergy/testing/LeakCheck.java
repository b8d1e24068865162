package dev.homeenergy.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Known secrets and everything a user or scraper was shown, so a test can look for every secret in
 * every form it could take there: as is, form/URL-encoded, and base64 or base64url encoded at any
 * offset within a longer encoded text (a Basic auth header, a cookie holding a login answer).
 */
public final class LeakCheck {
  /** Base64 fragments shorter than this would match by chance. */
  private static final int MIN_FRAGMENT = 8;

  /** One text that was visible, and where. */
  public record Seen(String where, String text) {}

  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final Set<String> publicValues = new LinkedHashSet<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  /** A value that must never show; {@code label} names it in failures. */
  public synchronized void secret(String label, String value) {
    if (value.length() < 5) {
      throw new IllegalArgumentException(label + " is too short to look for");
    }
    secrets.putIfAbsent(value, label);
  }

  /**
   * A public value that may contain a short secret (a PVS serial ends in the PVS's default
   * password); its occurrences are blanked before looking.
   */
  public synchronized void publicValue(String value) {
    publicValues.add(value);
  }

  public void saw(String where, String text) {
    seen.add(new Seen(where, text == null ? "" : text));
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  public synchronized int secretCount() {
    return secrets.size();
  }

  /** Every place a secret showed, as {@code where: label (form) in "...context..."}. */
  public synchronized List<String> leaks() {
    List<String> found = new ArrayList<>();
    for (Seen visible : seen) {
      String text = visible.text();
      for (String value : publicValues) {
        text = text.replace(value, "<public>");
      }
      for (Map.Entry<String, String> secret : secrets.entrySet()) {
        for (Map.Entry<String, String> form : forms(secret.getKey()).entrySet()) {
          int at = text.indexOf(form.getKey());
          if (at >= 0) {
            String context =
                text.substring(
                    Math.max(0, at - 60),
                    Math.min(text.length(), at + form.getKey().length() + 20));
            found.add(
                visible.where()
                    + ": "
                    + secret.getValue()
                    + " ("
                    + form.getValue()
                    + ") in \""
                    + context
                    + "\"");
          }
        }
      }
    }
    return found;
  }

  /** The forms of {@code secret} to look for, each with its name. */
  static Map<String, String> forms(String secret) {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put(secret, "as is");
    forms.putIfAbsent(URLEncoder.encode(secret, StandardCharsets.UTF_8), "form-encoded");
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    for (String fragment : base64Fragments(bytes, Base64.getEncoder())) {
      forms.putIfAbsent(fragment, "base64");
    }
    for (String fragment : base64Fragments(bytes, Base64.getUrlEncoder())) {
      forms.putIfAbsent(fragment, "base64url");
    }
    return forms;
  }

  /**
   * What must appear in any base64 text that encodes {@code secret} somewhere: for each of the
   * three byte offsets modulo 3, the characters that depend on the secret's bytes alone.
   */
  static List<String> base64Fragments(byte[] secret, Base64.Encoder encoder) {
    List<String> fragments = new ArrayList<>();
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[offset + secret.length];
      java.util.Arrays.fill(shifted, 0, offset, (byte) 'x');
      System.arraycopy(secret, 0, shifted, offset, secret.length);
      String encoded = encoder.withoutPadding().encodeToString(shifted);
      int start = offset == 0 ? 0 : 4;
      int end = shifted.length / 3 * 4;
      if (end - start >= MIN_FRAGMENT) {
        fragments.add(encoded.substring(start, end));
      }
    }
    return fragments;
  }
}
