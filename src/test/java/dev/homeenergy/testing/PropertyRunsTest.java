package dev.homeenergy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.homeenergy.testing.JsonBodies.EndpointBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyRunsTest {
  private static final PropertyRuns.Generator<Integer> INTS = random -> random.nextInt(1_000_000);
  private static final Map<String, List<String>> SEEDS =
      Map.of(
          "vitals", List.of("{\"a\":1,\"b\":{\"c\":\"x\",\"d\":[1.5,null]}}", "{\"a\":2}"),
          "version", List.of("[{\"v\":\"1.2\"}]"));

  @Test
  void theSameSeedGeneratesTheSameInputs() {
    assertThat(new PropertyRuns(42, 200).inputs(List.of(), INTS))
        .hasSize(200)
        .isEqualTo(new PropertyRuns(42, 200).inputs(List.of(), INTS))
        .isNotEqualTo(new PropertyRuns(43, 200).inputs(List.of(), INTS));
    assertThat(new PropertyRuns(7, 300).inputs(List.of(), JsonBodies.perEndpoint(SEEDS)))
        .isEqualTo(new PropertyRuns(7, 300).inputs(List.of(), JsonBodies.perEndpoint(SEEDS)))
        .isNotEqualTo(new PropertyRuns(8, 300).inputs(List.of(), JsonBodies.perEndpoint(SEEDS)));
  }

  @Test
  void checksEveryEdgeCaseFirstThenTheRandomTries() {
    List<Integer> seen = new ArrayList<>();
    PropertyRuns runs = new PropertyRuns(5, 10);
    runs.check(List.of(-1, 0), INTS, seen::add);
    assertThat(seen).hasSize(12).startsWith(-1, 0).isEqualTo(runs.inputs(List.of(-1, 0), INTS));
    assertThat(runs.inputs(List.of(1, 2, 3), INTS).subList(3, 13))
        .as("the random inputs do not depend on the edge cases before them")
        .isEqualTo(runs.inputs(List.of(), INTS));
  }

  @Test
  void aFailureNamesTheSeedAndTheTryAndThatSeedReproducesItsInput() {
    long seed = -8_765_432_123L;
    PropertyRuns runs = new PropertyRuns(seed, 1000);
    AssertionError failure =
        catchThrowableOfType(
            AssertionError.class,
            () ->
                runs.check(
                    List.of(1), INTS, n -> assertThat(n % 10).as("n = %d", n).isNotEqualTo(7)));

    assertThat(failure.getMessage())
        .contains("with seed " + seed, "-Dproperty.seed=" + seed, "PROPERTY_SEED=" + seed)
        .containsPattern("on try \\d+ of 1001 \\(random\\)");
    int failedTry =
        Integer.parseInt(failure.getMessage().replaceAll("(?s).*on try (\\d+) of.*", "$1"));
    Integer input = new PropertyRuns(seed, 1000).inputs(List.of(1), INTS).get(failedTry - 1);
    assertThat(input % 10).isEqualTo(7);
    assertThat(failure.getMessage()).contains("Input: " + input);
    assertThat(failure.getCause())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("n = " + input);
  }

  @Test
  void anExceptionFromTheCodeUnderTestIsAFailureWithItsSeed() {
    PropertyRuns runs = new PropertyRuns(99, 50);
    assertThatThrownBy(
            () ->
                runs.check(
                    List.of(new EndpointBody("vitals", "\u0000{")),
                    JsonBodies.perEndpoint(SEEDS),
                    body -> {
                      throw new NullPointerException("mapper bug");
                    }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("on try 1 of 51 (edge case) with seed 99")
        .hasMessageContaining("EndpointBody[endpoint=vitals, body=\\u0000{]")
        .hasMessageContaining("NullPointerException: mapper bug")
        .hasCauseInstanceOf(NullPointerException.class);
  }

  @Test
  void theSeedComesFromTheSystemPropertyElseTheEnvironmentElseAtRandom() {
    assertThat(PropertyRuns.seed("123", "456")).isEqualTo(123);
    assertThat(PropertyRuns.seed(null, " -456 ")).isEqualTo(-456);
    assertThat(PropertyRuns.seed("", "")).isNotEqualTo(PropertyRuns.seed("", ""));
    assertThatThrownBy(() -> PropertyRuns.seed("0x12", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("property.seed");
  }
}
