package dev.homeenergy.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts in the unified style ({@code -} expected only, {@code +} actual only),
 * for test failures.
 */
public final class TextDiff {
  private static final int CONTEXT = 2;

  private TextDiff() {}

  /**
   * The differing lines with {@value #CONTEXT} lines of context around each run; empty when equal.
   */
  public static String unified(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    int[][] common = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        common[i][j] =
            a.get(i).equals(b.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        edits.add("  " + a.get(i++));
        j++;
      } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
        edits.add("- " + a.get(i++));
      } else {
        edits.add("+ " + b.get(j++));
      }
    }
    return withContext(edits);
  }

  private static String withContext(List<String> edits) {
    boolean[] shown = new boolean[edits.size()];
    for (int k = 0; k < edits.size(); k++) {
      if (!edits.get(k).startsWith("  ")) {
        for (int m = Math.max(0, k - CONTEXT); m <= Math.min(edits.size() - 1, k + CONTEXT); m++) {
          shown[m] = true;
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < edits.size(); k++) {
      if (shown[k]) {
        if (k > 0 && !shown[k - 1] && out.length() > 0) {
          out.append("...\n");
        }
        out.append(edits.get(k)).append('\n');
      }
    }
    return out.toString();
  }
}
