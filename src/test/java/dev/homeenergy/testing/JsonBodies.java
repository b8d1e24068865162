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
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Generated device bodies for property tests: real payloads with a few random mutations (a value
 * replaced by one of another type, a field dropped or added, every number or string retyped),
 * wholly random JSON, and text that is not JSON at all; plus fixed edge cases (each payload with
 * every value null, 0, -1, empty, NaN, infinite, huge or non-ASCII, or with every nested key
 * missing, and bare edge bodies). Generated only from the {@link PropertyRuns} random, so a failure
 * is reproducible from its seed.
 */
public final class JsonBodies {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .build();
  private static final List<String> ODD_TEXTS =
      List.of(
          "",
          " ",
          "\"",
          "\\",
          "\n",
          "a\"b\\c\nd",
          "ü日本🔋",
          "\u0000",
          "\ud800",
          "{x=\"y\"}",
          "NaN",
          "-Infinity",
          "1e400",
          "12.5",
          "-0",
          "true",
          "null",
          "<html>",
          "x".repeat(300),
          "Charging",
          "online",
          "SystemGridConnected",
          "working",
          "error");
  private static final List<String> NOT_JSON =
      List.of(
          "",
          " ",
          "<html><body>502 Bad Gateway</body></html>",
          "nan",
          "{",
          "[1,",
          "{\"a\":}",
          "\u0000",
          "null",
          "0",
          "\"text\"",
          "[]",
          "{}");
  private static final List<String> EDGE_BODIES =
      List.of(
          "",
          " ",
          "null",
          "0",
          "-1",
          "NaN",
          "-Infinity",
          "1e400",
          "9223372036854775808",
          "\"\"",
          "\"ü日本🔋\"",
          "{}",
          "[]",
          "[null]",
          "{\"\":null}",
          "<html><body>502 Bad Gateway</body></html>");
  private static final List<JsonNode> EDGE_VALUES =
      List.of(
          NullNode.instance,
          IntNode.valueOf(0),
          IntNode.valueOf(-1),
          TextNode.valueOf(""),
          DoubleNode.valueOf(Double.NaN),
          DoubleNode.valueOf(Double.POSITIVE_INFINITY),
          DoubleNode.valueOf(Double.NEGATIVE_INFINITY),
          LongNode.valueOf(Long.MAX_VALUE),
          DecimalNode.valueOf(new BigDecimal("1e400")),
          TextNode.valueOf("ü日本🔋\u0000"));

  private JsonBodies() {}

  /** A body for one endpoint of a device. */
  public record EndpointBody(String endpoint, String body) {}

  /**
   * Bodies derived from {@code seeds} (each a JSON document), mostly mutated, some not JSON at all.
   */
  public static PropertyRuns.Generator<String> from(List<String> seeds) {
    List<JsonNode> trees = seeds.stream().map(JsonBodies::read).toList();
    return random -> {
      int kind = random.nextInt(10);
      if (kind < 8) {
        return mutate(trees.get(random.nextInt(trees.size())), random);
      }
      return kind == 8
          ? write(randomValue(random, 3))
          : NOT_JSON.get(random.nextInt(NOT_JSON.size()));
    };
  }

  /**
   * Every edge case for {@code seeds}: each seed with every value one edge value, and with every
   * nested key missing; then the bare edge bodies.
   */
  public static List<String> edgeCases(List<String> seeds) {
    List<String> bodies = new ArrayList<>();
    for (String seed : seeds) {
      JsonNode tree = read(seed);
      EDGE_VALUES.forEach(value -> bodies.add(write(everyValue(tree, value))));
      bodies.add(write(withoutNestedKeys(tree, true)));
    }
    bodies.addAll(EDGE_BODIES);
    return bodies.stream().distinct().toList();
  }

  /**
   * A random endpoint (uniformly, in key order so a seed picks the same one) with a body {@link
   * #from} its seeds.
   */
  public static PropertyRuns.Generator<EndpointBody> perEndpoint(
      Map<String, List<String>> seedsByEndpoint) {
    List<String> endpoints = seedsByEndpoint.keySet().stream().sorted().toList();
    List<PropertyRuns.Generator<String>> bodies =
        endpoints.stream().map(e -> from(seedsByEndpoint.get(e))).toList();
    return random -> {
      int index = random.nextInt(endpoints.size());
      return new EndpointBody(endpoints.get(index), bodies.get(index).next(random));
    };
  }

  /** {@link #edgeCases} on every endpoint, in key order. */
  public static List<EndpointBody> edgeCases(Map<String, List<String>> seedsByEndpoint) {
    return seedsByEndpoint.keySet().stream()
        .sorted()
        .flatMap(
            e -> edgeCases(seedsByEndpoint.get(e)).stream().map(body -> new EndpointBody(e, body)))
        .toList();
  }

  private static JsonNode everyValue(JsonNode node, JsonNode value) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = JSON.createObjectNode();
      object.fields().forEachRemaining(e -> out.set(e.getKey(), everyValue(e.getValue(), value)));
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = JSON.createArrayNode();
      array.forEach(e -> out.add(everyValue(e, value)));
      return out;
    }
    return value.deepCopy();
  }

  /** Every object below the root emptied; the root's own keys (else the bare {@code {}}) stay. */
  private static JsonNode withoutNestedKeys(JsonNode node, boolean root) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = JSON.createObjectNode();
      if (root) {
        object
            .fields()
            .forEachRemaining(e -> out.set(e.getKey(), withoutNestedKeys(e.getValue(), false)));
      }
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = JSON.createArrayNode();
      array.forEach(e -> out.add(withoutNestedKeys(e, root)));
      return out;
    }
    return node;
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

  private static String mutate(JsonNode seed, RandomGenerator random) {
    JsonNode tree = seed.deepCopy();
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      tree = mutateOnce(tree, random);
    }
    String text = write(tree);
    return random.nextInt(20) == 0 ? text.substring(0, random.nextInt(text.length() + 1)) : text;
  }

  private static JsonNode mutateOnce(JsonNode tree, RandomGenerator random) {
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
        object.set(
            random.nextBoolean() ? ODD_TEXTS.get(random.nextInt(ODD_TEXTS.size())) : "extra",
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
      object
          .fields()
          .forEachRemaining(e -> out.set(e.getKey(), retype(e.getValue(), numbersToStrings)));
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

  private static JsonNode randomValue(RandomGenerator random, int depth) {
    int kinds = depth > 0 ? 12 : 10;
    switch (random.nextInt(kinds)) {
      case 0:
        return NullNode.instance;
      case 1:
        return BooleanNode.valueOf(random.nextBoolean());
      case 2:
        return IntNode.valueOf(
            random.nextInt(4) == 0 ? random.nextInt(2) - 1 : random.nextInt(41) - 20);
      case 3:
        return LongNode.valueOf(random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
      case 4:
        return DoubleNode.valueOf(random.nextGaussian() * 1e4);
      case 5:
        return DoubleNode.valueOf(
            List.of(
                    Double.NaN,
                    Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY,
                    Double.MAX_VALUE,
                    -0.0,
                    Double.MIN_VALUE)
                .get(random.nextInt(6)));
      case 6:
        return DecimalNode.valueOf(new BigDecimal("1e400"));
      case 7:
        return TextNode.valueOf(ODD_TEXTS.get(random.nextInt(ODD_TEXTS.size())));
      case 8:
        return TextNode.valueOf(Integer.toString(random.nextInt(100000)));
      case 9:
        return TextNode.valueOf(Double.toString(random.nextDouble() * 100));
      case 10:
        {
          ArrayNode array = JSON.createArrayNode();
          for (int i = random.nextInt(4); i > 0; i--) {
            array.add(randomValue(random, depth - 1));
          }
          return array;
        }
      default:
        {
          ObjectNode object = JSON.createObjectNode();
          for (int i = random.nextInt(4); i > 0; i--) {
            object.set(
                ODD_TEXTS.get(random.nextInt(ODD_TEXTS.size())), randomValue(random, depth - 1));
          }
          return object;
        }
    }
  }
}
