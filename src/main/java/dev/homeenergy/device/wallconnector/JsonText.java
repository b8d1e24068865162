package dev.homeenergy.device.wallconnector;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads any JSON value as its text, for array elements whose type the API does not document: a
 * string as itself, a number or boolean as written ({@code 4} gives {@code "4"}), an object or
 * array as compact JSON.
 */
final class JsonText extends StdDeserializer<String> {
  private static final long serialVersionUID = 1L;

  JsonText() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken().isScalarValue()) {
      return parser.getText();
    }
    JsonNode node = parser.readValueAsTree();
    return node.toString();
  }

  @Override
  public String getNullValue(DeserializationContext context) {
    return "null";
  }
}
