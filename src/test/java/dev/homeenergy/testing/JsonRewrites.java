package dev.homeenergy.testing;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Rewrites every value of one kind in a JSON document, as {@link FaultServer} does to a simulator's
 * answer. A body that is not JSON comes back unchanged.
 */
final class JsonRewrites {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .build();
  private static final double[] NON_FINITE = {
    Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
  };

  private JsonRewrites() {}

  static byte[] rewrite(FaultServer.Fault fault, byte[] body) {
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (IOException notJson) {
      return body;
    }
    if (tree == null) {
      return body;
    }
    JsonNode rewritten = rewrite(fault, tree, new int[1]);
    try {
      return JSON.writeValueAsString(rewritten).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A number in a string (the PVS varserver writes every value so) is a value, not a label. */
  private static boolean looksNumeric(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static JsonNode rewrite(FaultServer.Fault fault, JsonNode node, int[] counter) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = JSON.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.set(field.getKey(), rewrite(fault, field.getValue(), counter));
      }
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = JSON.createArrayNode();
      array.forEach(element -> out.add(rewrite(fault, element, counter)));
      return out;
    }
    return switch (fault) {
      case NUMBERS_AS_STRINGS -> node.isNumber() ? TextNode.valueOf(node.asText()) : node;
      case STRINGS_AS_NUMBERS -> node.isTextual() ? IntNode.valueOf(12345) : node;
      case NON_FINITE ->
          node.isNumber() ? DoubleNode.valueOf(NON_FINITE[counter[0]++ % NON_FINITE.length]) : node;
      case ODD_TEXT ->
          node.isTextual() && !looksNumeric(node.asText())
              ? TextNode.valueOf(node.asText() + FaultServer.ODD_TEXT)
              : node;
      default -> node;
    };
  }
}
