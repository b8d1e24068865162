package dev.homeenergy.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Runs a property over generated inputs: every given edge case first, then {@code tries} random
 * inputs, each drawn from its own split of one {@link SplittableRandom} seeded with {@code seed}. A
 * failure names the seed and the try, and the same seed regenerates the same inputs in the same
 * order. No shrinking.
 *
 * <p>The seed is random per run unless {@value #SEED_PROPERTY} (system property, passed through by
 * Maven as {@code -Dproperty.seed=...}) or the environment variable {@value #SEED_ENV} gives one.
 */
public record PropertyRuns(long seed, int tries) {
  public static final String SEED_PROPERTY = "property.seed";
  public static final String SEED_ENV = "PROPERTY_SEED";
  private static final int MAX_INPUT_CHARS = 2000;

  /** Draws one input from {@code random}, and only from it. */
  @FunctionalInterface
  public interface Generator<T> {
    T next(RandomGenerator random);
  }

  public PropertyRuns {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be positive: " + tries);
    }
  }

  /** {@code tries} random inputs from the configured seed, or from a fresh random one. */
  public static PropertyRuns tries(int tries) {
    return new PropertyRuns(
        seed(System.getProperty(SEED_PROPERTY), System.getenv(SEED_ENV)), tries);
  }

  /** The seed given as a system property, else as an environment variable, else a random one. */
  static long seed(String property, String environment) {
    String given =
        property != null && !property.isBlank()
            ? property
            : environment != null && !environment.isBlank() ? environment : null;
    if (given == null) {
      return new SplittableRandom().nextLong();
    }
    try {
      return Long.parseLong(given.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          SEED_PROPERTY + " / " + SEED_ENV + " must be a long, got: " + given, e);
    }
  }

  /** The inputs a run checks, in order: all {@code edgeCases}, then {@code tries} random ones. */
  public <T> List<T> inputs(List<T> edgeCases, Generator<T> generator) {
    List<T> inputs = new ArrayList<>(edgeCases);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < tries; i++) {
      inputs.add(generator.next(random.split()));
    }
    return inputs;
  }

  /**
   * Checks {@code property} against each input (generated one at a time, as {@link #inputs} orders
   * them) and stops at the first that throws, with an {@link AssertionError} naming the try, the
   * seed and the input, caused by what was thrown.
   */
  public <T> void check(List<T> edgeCases, Generator<T> generator, ThrowingConsumer<T> property) {
    SplittableRandom random = new SplittableRandom(seed);
    int total = edgeCases.size() + tries;
    for (int index = 0; index < total; index++) {
      boolean edge = index < edgeCases.size();
      T input = edge ? edgeCases.get(index) : generator.next(random.split());
      try {
        property.accept(input);
      } catch (Throwable failure) {
        throw new AssertionError(
            String.format(
                "Property failed on try %d of %d (%s) with seed %d; re-run with -D%s=%d (or %s=%d). Input: %s%nCause: %s",
                index + 1,
                total,
                edge ? "edge case" : "random",
                seed,
                SEED_PROPERTY,
                seed,
                SEED_ENV,
                seed,
                describe(input),
                failure),
            failure);
      }
    }
  }

  private static String describe(Object input) {
    String text = String.valueOf(input);
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .limit(MAX_INPUT_CHARS)
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    if (text.codePointCount(0, text.length()) > MAX_INPUT_CHARS) {
      out.append("... (").append(text.length()).append(" chars)");
    }
    return out.toString();
  }
}
