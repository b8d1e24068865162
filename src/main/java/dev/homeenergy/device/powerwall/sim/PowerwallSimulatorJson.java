package dev.homeenergy.device.powerwall.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * JSON writing the way the gateway's Go firmware prints values: compact, numbers in Go's shortest
 * form ({@code 72}, not {@code 72.0}; {@code -0} kept), RFC 3339 times with trimmed nanoseconds,
 * durations as Go duration strings.
 */
final class PowerwallSimulatorJson {
  static final ZoneId SITE_ZONE = ZoneId.of("America/Los_Angeles");
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private static final DateTimeFormatter START_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

  private final JsonFactory factory = new JsonFactory();

  /** Writes one JSON value. */
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  String render(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = factory.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  String object(Body fields) {
    return render(
        g -> {
          g.writeStartObject();
          fields.write(g);
          g.writeEndObject();
        });
  }

  static void number(JsonGenerator g, String name, double value) throws IOException {
    g.writeFieldName(name);
    number(g, value);
  }

  static void number(JsonGenerator g, double value) throws IOException {
    g.writeRawValue(goFloat(value));
  }

  /** A number or {@code null}. */
  static void nullableNumber(JsonGenerator g, String name, Double value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      number(g, name, value);
    }
  }

  static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  static void booleans(JsonGenerator g, String name, boolean... values) throws IOException {
    g.writeArrayFieldStart(name);
    for (boolean value : values) {
      g.writeBoolean(value);
    }
    g.writeEndArray();
  }

  /**
   * Go's {@code strconv.FormatFloat(v, 'g'-like JSON, -1)} for the magnitudes the gateway prints.
   */
  static String goFloat(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not representable in JSON: " + value);
    }
    if (value == 0) {
      return Double.doubleToRawLongBits(value) == 0 ? "0" : "-0";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e21) {
      return Long.toString((long) value);
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** RFC 3339 with up to nine fraction digits (trailing zeros trimmed), in the site's zone. */
  static String rfc3339(Instant time, int nanos) {
    var local = time.atZone(SITE_ZONE);
    StringBuilder out = new StringBuilder(SECONDS.format(local));
    appendFraction(out, nanos, 9);
    return out.append(OFFSET.format(local)).toString();
  }

  /**
   * Like {@link #rfc3339} with exactly {@code digits} fraction digits, as the login answer prints
   * it.
   */
  static String fixedFraction(Instant time, int nanos, int digits) {
    var local = time.atZone(SITE_ZONE);
    String fraction = String.format("%09d", nanos).substring(0, digits);
    return SECONDS.format(local) + "." + fraction + OFFSET.format(local);
  }

  /**
   * {@code 2021-12-16 22:13:25 +0800}: the gateway prints its start time at +0800 whatever the site
   * zone.
   */
  static String startTime(Instant time) {
    return START_TIME.format(time.atOffset(ZoneOffset.ofHours(8)));
  }

  /**
   * Go's {@code time.Duration.String()} for durations of a second or more, e.g. {@code
   * 230h55m59.932079901s}.
   */
  static String goDuration(Duration duration) {
    long totalSeconds = duration.getSeconds();
    long hours = totalSeconds / 3600;
    long minutes = totalSeconds / 60 % 60;
    long seconds = totalSeconds % 60;
    StringBuilder out = new StringBuilder();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    out.append(seconds);
    appendFraction(out, duration.getNano(), 9);
    return out.append('s').toString();
  }

  private static void appendFraction(StringBuilder out, int nanos, int digits) {
    if (nanos == 0) {
      return;
    }
    String fraction = String.format("%09d", nanos).substring(0, digits).replaceAll("0+$", "");
    if (!fraction.isEmpty()) {
      out.append('.').append(fraction);
    }
  }
}
