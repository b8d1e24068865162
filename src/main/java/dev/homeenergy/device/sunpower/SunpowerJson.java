package dev.homeenergy.device.sunpower;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.devicehttp.FailureWords;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON and value parsing shared by the DeviceList and vars parsers. PVS numbers arrive as JSON
 * strings ({@code "0.0081"}, vars {@code "0.230300"}, {@code "nan"}); a value that is not a finite
 * decimal number counts as absent.
 */
final class SunpowerJson {
  private static final ObjectMapper MAPPER =
      DeviceJson.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern DATATIME =
      Pattern.compile("(\\d{4}),(\\d{1,2}),(\\d{1,2}),(\\d{1,2}),(\\d{1,2}),(\\d{1,2})");

  private SunpowerJson() {}

  /**
   * Parses a body that must be a JSON object.
   *
   * @throws PollException with {@link FailureReason#PARSE} when it is empty, invalid or not an
   *     object
   */
  static JsonNode object(String endpoint, String body) throws PollException {
    if (body == null || body.isBlank()) {
      throw new PollException(FailureReason.PARSE, endpoint + ": empty body");
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new PollException(FailureReason.PARSE, endpoint + ": " + FailureWords.json(body, e), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new PollException(
          FailureReason.PARSE, endpoint + ": the answer is JSON but not an object");
    }
    return tree;
  }

  /**
   * The scalar members of an object as text ({@code 1234567890}, {@code true}); nested values are
   * skipped.
   */
  static Map<String, String> scalars(JsonNode object) {
    Map<String, String> fields = new LinkedHashMap<>();
    object
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                fields.put(e.getKey(), e.getValue().asText());
              }
            });
    return fields;
  }

  /** A member as text, or empty when absent or not a scalar. */
  static String text(JsonNode object, String field) {
    JsonNode node = object.get(field);
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : "";
  }

  /** A finite decimal number, or null for null, empty, {@code nan} or anything else. */
  static Double number(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    if (!DECIMAL.matcher(trimmed).matches()) {
      return null;
    }
    double value = Double.parseDouble(trimmed);
    return Double.isFinite(value) ? value : null;
  }

  /**
   * DeviceList {@code YYYY,MM,DD,HH,MM,SS}, which the PVS writes in UTC, as Unix ms; null if
   * malformed.
   */
  static Long dataTime(String text) {
    if (text == null) {
      return null;
    }
    var m = DATATIME.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDateTime time =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)));
      return time.toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Vars {@code msmtEps} ({@code 2025-09-30T15:50:00Z}) as Unix ms; null if malformed. */
  static Long isoTime(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.trim()).toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
