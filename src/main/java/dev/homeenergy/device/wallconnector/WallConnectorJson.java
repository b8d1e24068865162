package dev.homeenergy.device.wallconnector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.devicehttp.FailureWords;
import java.io.IOException;

/**
 * Parses Wall Connector bodies into the payload records. The firmware sometimes prints a bare
 * {@code nan} where a number belongs (seen in {@code lifetime.avg_startup_temp}), which is not
 * JSON; {@link #repairNonFinite} turns such tokens into {@code null} first. Nothing else is
 * repaired: a truncated body is a parse error, not something to guess at.
 */
public final class WallConnectorJson {
  private static final ObjectReader READER =
      DeviceJson.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build()
          .reader();

  private static final String[] NON_FINITE_WORDS = {"infinity", "inf", "nan"};

  private WallConnectorJson() {}

  /**
   * Parses one endpoint's body.
   *
   * @param endpoint endpoint name for the error message, e.g. {@code lifetime}
   * @throws PollException with {@link FailureReason#PARSE} when the body (after the nan repair) is
   *     not a JSON object of the expected shape
   */
  public static <T> T parse(String endpoint, String body, Class<T> type) throws PollException {
    if (body == null || body.isBlank()) {
      throw new PollException(FailureReason.PARSE, endpoint + ": empty body");
    }
    try {
      JsonNode tree = READER.readTree(repairNonFinite(body));
      if (tree == null || !tree.isObject()) {
        throw new PollException(
            FailureReason.PARSE, endpoint + ": the answer is JSON but not an object");
      }
      return READER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new PollException(FailureReason.PARSE, endpoint + ": " + FailureWords.json(body, e), e);
    } catch (IOException | IllegalArgumentException e) {
      throw new PollException(
          FailureReason.PARSE,
          endpoint + ": the answer is not valid JSON (" + FailureWords.plain(e.getMessage()) + ")",
          e);
    }
  }

  /**
   * Replaces every bare {@code nan}, {@code inf} or {@code infinity} token in a value position
   * (after {@code :}, {@code [} or {@code ,}; optional sign, any case, any surrounding spaces) by
   * {@code null}. Text inside strings is left alone.
   */
  static String repairNonFinite(String body) {
    StringBuilder out = new StringBuilder(body.length());
    boolean inString = false;
    char lastSignificant = 0;
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < body.length()) {
          out.append(body.charAt(i + 1));
          i += 2;
          continue;
        }
        inString = c != '"';
        i++;
        continue;
      }
      if (lastSignificant == ':' || lastSignificant == '[' || lastSignificant == ',') {
        int length = nonFiniteTokenLength(body, i);
        if (length > 0) {
          out.append("null");
          lastSignificant = 'l';
          i += length;
          continue;
        }
      }
      if (c == '"') {
        inString = true;
      }
      if (!Character.isWhitespace(c)) {
        lastSignificant = c;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static int nonFiniteTokenLength(String body, int start) {
    int at = start;
    if (at < body.length() && (body.charAt(at) == '-' || body.charAt(at) == '+')) {
      at++;
    }
    for (String word : NON_FINITE_WORDS) {
      int end = at + word.length();
      if (body.regionMatches(true, at, word, 0, word.length())
          && (end == body.length() || !isWordChar(body.charAt(end)))) {
        return end - start;
      }
    }
    return 0;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
