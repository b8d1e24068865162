package dev.homeenergy.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one load so that all of them are reported together. */
public final class Problems {
  private final List<ConfigProblem> found = new ArrayList<>();

  public void add(String key, int line, String message) {
    found.add(new ConfigProblem(key, line, message));
  }

  public void add(String key, Node node, String message) {
    add(key, line(node), message);
  }

  public int count() {
    return found.size();
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** The problems in file order; problems on the same line keep the order they were found in. */
  public List<ConfigProblem> inFileOrder() {
    return found.stream().sorted(Comparator.comparingInt(ConfigProblem::line)).toList();
  }

  public static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }
}
