package dev.homeenergy.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;

/**
 * Go-style duration strings ({@code 500ms}, {@code 1m20s}, {@code 1.5h}), the form Prometheus
 * exporters use, so config files read the same as those of the exporters this one replaces.
 *
 * <p>{@link #format} prints exactly what Go's {@code time.Duration.String()} prints ({@code
 * 1h0m0s}, {@code 1m20s}, {@code 500ms}, {@code 1.5µs}, {@code 0s}); {@link #parse} reads it back.
 */
public final class Durations {
  private static final long MAX_NANOS = Long.MAX_VALUE;
  private static final Map<String, Long> UNIT_NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  /**
   * The longest duration a config setting accepts. Nothing an exporter waits for is longer, and
   * five times it (the derived {@code stale_after}) still prints in Go form.
   */
  public static final Duration MAX_SETTING = Duration.ofDays(365);

  private Durations() {}

  /**
   * Parses a duration setting: {@link #parse} plus the bound {@link #MAX_SETTING}.
   *
   * @throws IllegalArgumentException as {@link #parse} does, or naming the maximum when the
   *     duration is longer
   */
  public static Duration parseSetting(String text) {
    Duration duration = parse(text);
    if (duration.compareTo(MAX_SETTING) > 0) {
      throw new IllegalArgumentException(
          "duration \""
              + text
              + "\" is longer than the maximum of "
              + format(MAX_SETTING)
              + " (365 days)");
    }
    return duration;
  }

  /**
   * Parses a sequence of decimal numbers with units (ns, us, µs, ms, s, m, h), e.g. {@code 1m30s}.
   *
   * @throws IllegalArgumentException when the text is empty, negative, lacks a unit, uses an
   *     unknown unit or exceeds about 292 years
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty() || !text.equals(text.replaceAll("\\s", ""))) {
      throw invalid(text == null ? "" : text);
    }
    if (text.startsWith("-")) {
      throw new IllegalArgumentException(
          "negative durations are not allowed, got \"" + text + "\"");
    }
    BigDecimal totalNanos = BigDecimal.ZERO;
    int pos = 0;
    while (pos < text.length()) {
      int numberStart = pos;
      while (pos < text.length() && (isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      String number = text.substring(numberStart, pos);
      int unitStart = pos;
      while (pos < text.length() && !isDigit(text.charAt(pos)) && text.charAt(pos) != '.') {
        pos++;
      }
      String unit = text.substring(unitStart, pos);
      if (!isDecimal(number) || unit.isEmpty()) {
        throw invalid(text);
      }
      Long unitNanos = UNIT_NANOS.get(unit);
      if (unitNanos == null) {
        throw new IllegalArgumentException(
            "unknown unit \""
                + unit
                + "\" in duration \""
                + text
                + "\" (use ns, us, ms, s, m or h)");
      }
      totalNanos = totalNanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unitNanos)));
      if (totalNanos.compareTo(BigDecimal.valueOf(MAX_NANOS)) > 0) {
        throw new IllegalArgumentException("duration \"" + text + "\" is too long");
      }
    }
    return Duration.ofNanos(totalNanos.setScale(0, RoundingMode.DOWN).longValueExact());
  }

  /**
   * Prints a duration the way Go does: {@code 1h0m0s}, {@code 1m20s}, {@code 10s}, {@code 1.5s},
   * {@code 500ms}, {@code 0s}. Sub-second values use the largest unit below a second that keeps the
   * integer part non-zero.
   *
   * @throws IllegalArgumentException for negative durations or ones beyond about 292 years
   */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration " + duration);
    }
    BigInteger nanosBig =
        BigInteger.valueOf(duration.getSeconds())
            .multiply(BigInteger.valueOf(1_000_000_000L))
            .add(BigInteger.valueOf(duration.getNano()));
    if (nanosBig.bitLength() > 63) {
      throw new IllegalArgumentException("duration " + duration + " is too long to format");
    }
    long nanos = nanosBig.longValue();
    if (nanos == 0) {
      return "0s";
    }
    if (nanos < 1_000L) {
      return nanos + "ns";
    }
    if (nanos < 1_000_000L) {
      return fraction(nanos, 1_000L) + "\u00b5s";
    }
    if (nanos < 1_000_000_000L) {
      return fraction(nanos, 1_000_000L) + "ms";
    }
    long hours = nanos / 3_600_000_000_000L;
    long minutes = nanos / 60_000_000_000L % 60;
    long secondNanos = nanos % 60_000_000_000L;
    StringBuilder out = new StringBuilder();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(fraction(secondNanos, 1_000_000_000L)).append('s').toString();
  }

  private static String fraction(long value, long unit) {
    return BigDecimal.valueOf(value)
        .divide(BigDecimal.valueOf(unit))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static boolean isDecimal(String number) {
    return number.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "expected a duration like 10s, 500ms or 1m30s, got \"" + text + "\"");
  }
}
