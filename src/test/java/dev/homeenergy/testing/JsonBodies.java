package dev.homeenergy.testing;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generated device bodies for property tests: real payloads with a few random mutations (a value
 * replaced by one of another type, a field dropped or added, every number or string retyped),
 * wholly random JSON, and text that is not JSON at all. Generated from jqwik's random source, so a
 * failure is reproducible from its seed.
 */
public final class JsonBodies {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .build();
  private static final List<String> ODD_TEXTS = List.of("", " ", "\"", "\\", "\n", "a\"b\\c\nd", "ü日本🔋",
      "\u0000", "\ud800", "{x=\"y\"}", "NaN", "-Infinity", "1e400", "12.5", "-0", "true", "null", "<html>",
      "x".repeat(300), "Charging", "online", "SystemGridConnected", "working", "error");
  private static final List<String> NOT_JSON = List.of("", " ", "<html><body>502 Bad Gateway</body></html>",
      "nan", "{", "[1,", "{\"a\":}", "\u0000", "null", "0", "\"text\"", "[]", "{}");

  private JsonBodies() {}

  /** Bodies derived from {@code seeds} (each a JSON document), mostly mutated, some not JSON at all. */
  public static Arbitrary<String> from(List<String> seeds) {
    List<JsonNode> trees = seeds.stream().map(JsonBodies::read).toList();
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.randomValue(random -> mutate(trees.get(random.nextInt(trees.size())), random))),
        net.jqwik.api.Tuple.of(1, Arbitraries.randomValue(random -> write(randomValue(random, 3)))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(NOT_JSON)));
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(JsonNode tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String mutate(JsonNode seed, Random random) {
    JsonNode tree = seed.deepCopy();
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      tree = mutateOnce(tree, random);
    }
    String text = write(tree);
    return random.nextInt(20) == 0 ? text.substring(0, random.nextInt(text.length() + 1)) : text;
  }

  private static JsonNode mutateOnce(JsonNode tree, Random random) {
    switch (random.nextInt(10)) {
      case 0:
        return retype(tree, random.nextBoolean());
      case 1:
        return randomValue(random, 2);
      default:
        break;
    }
    List<ContainerNode<?>> containers = new ArrayList<>();
    collect(tree, containers);
    if (containers.isEmpty()) {
      return randomValue(random, 2);
    }
    ContainerNode<?> container = containers.get(random.nextInt(containers.size()));
    if (container instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      int op = random.nextInt(4);
      if (names.isEmpty() || op == 0) {
        object.set(random.nextBoolean() ? ODD_TEXTS.get(random.nextInt(ODD_TEXTS.size())) : "extra",
            randomValue(random, 2));
      } else if (op == 1) {
        object.remove(names.get(random.nextInt(names.size())));
      } else {
        object.set(names.get(random.nextInt(names.size())), randomValue(random, 2));
      }
    } else if (container instanceof ArrayNode array) {
      if (array.isEmpty() || random.nextInt(4) == 0) {
        array.add(randomValue(random, 2));
      } else {
        int index = random.nextInt(array.size());
        if (random.nextBoolean()) {
          array.set(index, randomValue(random, 2));
        } else {
          array.add(array.get(index).deepCopy());
        }
      }
    }
    return tree;
  }

  private static void collect(JsonNode node, List<ContainerNode<?>> out) {
    if (node instanceof ContainerNode<?> container) {
      out.add(container);
      node.elements().forEachRemaining(child -> collect(child, out));
    }
  }

  /** Every number to a string (or every string to a number), all through the tree. */
  private static JsonNode retype(JsonNode node, boolean numbersToStrings) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = JSON.createObjectNode();
      object.fields().forEachRemaining(e -> out.set(e.getKey(), retype(e.getValue(), numbersToStrings)));
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = JSON.createArrayNode();
      array.forEach(e -> out.add(retype(e, numbersToStrings)));
      return out;
    }
    if (numbersToStrings && node.isNumber()) {
      return TextNode.valueOf(node.asText());
    }
    if (!numbersToStrings && node.isTextual()) {
      return IntNode.valueOf(node.asText().length());
    }
    return node;
  }

  private static JsonNode randomValue(Random random, int depth) {
    int kinds = depth > 0 ? 12 : 10;
    switch (random.nextInt(kinds)) {
      case 0: return NullNode.instance;
      case 1: return BooleanNode.valueOf(random.nextBoolean());
      case 2: return IntNode.valueOf(random.nextInt(41) - 20);
      case 3: return LongNode.valueOf(random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
      case 4: return DoubleNode.valueOf(random.nextGaussian() * 1e4);
      case 5: return DoubleNode.valueOf(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
          Double.MAX_VALUE, -0.0, Double.MIN_VALUE).get(random.nextInt(6)));
      case 6: return DecimalNode.valueOf(new BigDecimal("1e400"));
      case 7: return TextNode.valueOf(ODD_TEXTS.get(random.nextInt(ODD_TEXTS.size())));
      case 8: return TextNode.valueOf(Integer.toString(random.nextInt(100000)));
      case 9: return TextNode.valueOf(Double.toString(random.nextDouble() * 100));
      case 10: {
        ArrayNode array = JSON.createArrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(randomValue(random, depth - 1));
        }
        return array;
      }
      default: {
        ObjectNode object = JSON.createObjectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set(ODD_TEXTS.get(random.nextInt(ODD_TEXTS.size())), randomValue(random, depth - 1));
        }
        return object;
      }
    }
  }
}
