package dev.homeenergy.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known word closest to a misspelt one, for "did you mean" hints in config problems and
 * command-line errors.
 */
public final class Suggestions {
  private Suggestions() {}

  /** The closest candidate within an edit distance of 2 (1 for short words), if any. */
  static Optional<String> closest(String word, Collection<String> candidates) {
    int limit = word.length() <= 4 ? 1 : 2;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates.stream().sorted().toList()) {
      int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance <= limit && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** " (did you mean \"x\"?)" or empty. */
  public static String hint(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> " (did you mean \"" + c + "\"?)").orElse("");
  }

  /** Optimal string alignment distance: Levenshtein plus swaps of adjacent letters. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        boolean swapped =
            i > 1
                && j > 1
                && a.charAt(i - 1) == b.charAt(j - 2)
                && a.charAt(i - 2) == b.charAt(j - 1);
        if (swapped) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
