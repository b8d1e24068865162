package dev.homeenergy.device.sunpower.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.Instantiatable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * The PVS's wire formats: cJSON's tab pretty print for {@code dl_cgi} (a tab after each colon, tab
 * indentation, {@code }, {} between array objects, final newline) and the varserver's compact
 * spacing for {@code /vars}. Values are given as ordered maps of strings, numbers, booleans, lists
 * and maps.
 */
final class SunpowerSimulatorJson {
  private final ObjectMapper mapper = new ObjectMapper();
  private final ObjectWriter tabbed = mapper.writer(new CjsonPrinter());

  /** cJSON-formatted {@code value} with the trailing newline the PVS sends. */
  String tabbed(Map<String, ?> value) {
    try {
      return tabbed.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A quoted, escaped JSON string. */
  String quote(String text) {
    try {
      return mapper.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A number the way dl_cgi prints it: at most {@code decimals} places, trailing zeros dropped. */
  static String decimal(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "nan";
    }
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
    if (rounded.signum() == 0) {
      return "0";
    }
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }

  /** A float the way varserver prints it: six decimals, {@code nan} when absent. */
  static String sixDecimals(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "nan";
  }

  /** cJSON's formatted print, depth counted the way cJSON does (arrays add a level). */
  private static final class CjsonPrinter implements PrettyPrinter, Instantiatable<CjsonPrinter> {
    private int depth;

    @Override
    public CjsonPrinter createInstance() {
      return new CjsonPrinter();
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
      depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
      newLineAndIndent(g, depth);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(":\t");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(',');
      newLineAndIndent(g, depth);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      depth--;
      newLineAndIndent(g, depth);
      g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw('[');
      depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {}

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      depth--;
      g.writeRaw(']');
    }

    private static void newLineAndIndent(JsonGenerator g, int tabs) throws IOException {
      g.writeRaw('\n');
      for (int i = 0; i < tabs; i++) {
        g.writeRaw('\t');
      }
    }
  }
}
