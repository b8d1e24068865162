package dev.homeenergy.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read as a config section: keys must be plain scalars and unique. Reports its
 * structural problems to {@link Problems} and keeps the first occurrence of each key.
 */
public final class YamlMap {
  /** One {@code key: value} pair; {@code line} is the key's line. */
  public record Entry(String key, String path, int line, Node value) {}

  private final String path;
  private final Map<String, Entry> entries;
  private final Problems problems;

  private YamlMap(String path, Map<String, Entry> entries, Problems problems) {
    this.path = path;
    this.entries = entries;
    this.problems = problems;
  }

  /**
   * Reads {@code node} as a mapping at {@code path}; an empty value counts as an empty mapping.
   * Reports a problem at {@code line} and returns empty when the node is of another kind.
   */
  public static Optional<YamlMap> read(Node node, String path, int line, Problems problems) {
    if (isNull(node)) {
      return Optional.of(new YamlMap(path, Map.of(), problems));
    }
    if (!(node instanceof MappingNode mapping)) {
      problems.add(path, line, "expected a mapping (key: value lines), got " + describe(node));
      return Optional.empty();
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      int keyLine = Problems.line(keyNode);
      if (!(keyNode instanceof ScalarNode scalarKey) || isNull(keyNode)) {
        problems.add(path, keyLine, "keys must be plain names, got " + describe(keyNode));
        continue;
      }
      String key = scalarKey.getValue();
      String keyPath = path.isEmpty() ? key : path + "." + key;
      Entry previous = entries.get(key);
      if (previous != null) {
        problems.add(
            keyPath, keyLine, "duplicate key (first defined at line " + previous.line() + ")");
        continue;
      }
      entries.put(key, new Entry(key, keyPath, keyLine, tuple.getValueNode()));
    }
    return Optional.of(new YamlMap(path, entries, problems));
  }

  public String path() {
    return path;
  }

  public Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public Collection<Entry> entries() {
    return entries.values();
  }

  /** Reports a problem with {@code entry}'s value. */
  public void report(Entry entry, String message) {
    problems.add(entry.path(), entry.line(), message);
  }

  /** Reports every key not in {@code allowed}, suggesting the closest allowed key. */
  public void rejectUnknownKeys(Collection<String> allowed) {
    for (Entry entry : entries.values()) {
      if (!allowed.contains(entry.key())) {
        problems.add(
            entry.path(),
            entry.line(),
            "unknown key \"" + entry.key() + "\"" + Suggestions.hint(entry.key(), allowed));
      }
    }
  }

  public static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode && Tag.NULL.equals(node.getTag()));
  }

  /** The node's kind for messages; never its value, which may be a secret. */
  public static String describe(Node node) {
    if (isNull(node)) {
      return "nothing";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "a single value";
  }
}
