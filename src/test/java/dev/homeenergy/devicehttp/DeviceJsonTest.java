package dev.homeenergy.devicehttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile bodies break a bound of {@link DeviceJson} early, cheaply and with the bound named; every
 * real body stays inside the bounds; and every family's mapper is built with them.
 */
class DeviceJsonTest {
  private static final ObjectMapper MAPPER = DeviceJson.mapper();

  static Stream<Arguments> hostileBodies() {
    return Stream.of(
        Arguments.of(
            "[" + "{},".repeat((4 * 1024 * 1024 - 64) / 3) + "{}]",
            "has more than " + DeviceJson.MAX_TOKEN_COUNT + " tokens"),
        Arguments.of(
            "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000),
            "nests deeper than " + DeviceJson.MAX_NESTING_DEPTH + " levels"),
        Arguments.of("[" + "[".repeat(500_000) + "]".repeat(500_000) + "]", "nests deeper"),
        Arguments.of(
            "{\"v\":" + "9".repeat(10_000) + "}",
            "holds a number longer than " + DeviceJson.MAX_NUMBER_LENGTH + " characters"),
        Arguments.of(
            "{\"v\":\"" + "x".repeat(2 * DeviceJson.MAX_STRING_LENGTH) + "\"}",
            "holds a string longer than " + DeviceJson.MAX_STRING_LENGTH + " characters"),
        Arguments.of(
            "{\"" + "k".repeat(100_000) + "\":1}",
            "holds a field name longer than " + DeviceJson.MAX_NAME_LENGTH + " characters"));
  }

  @ParameterizedTest
  @MethodSource("hostileBodies")
  void aHostileBodyBreaksANamedBoundCheaply(String body, String words) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);

    assertThatThrownBy(() -> MAPPER.readTree(body))
        .isInstanceOfSatisfying(
            JsonProcessingException.class,
            e ->
                assertThat(FailureWords.json(body, e))
                    .contains(words)
                    .doesNotContain("StreamReadConstraints"));
    assertThat(threads.getThreadAllocatedBytes(thread) - before)
        .as("bytes allocated reading the hostile body")
        .isLessThan(24L * 1024 * 1024);
  }

  @Test
  void everyRealBodyIsReadWithinTheBounds() throws IOException {
    List<Path> captures;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
      captures = files.filter(f -> f.toString().endsWith(".json")).toList();
    }
    assertThat(captures).hasSizeGreaterThan(50);
    for (Path capture : captures) {
      String text = Files.readString(capture);
      try {
        new ObjectMapper().readTree(text);
      } catch (JsonProcessingException notJson) {
        continue;
      }
      assertThat(MAPPER.readTree(text)).as("%s", capture).isNotNull();
    }
  }

  /**
   * Device clients (not their simulators) build every JSON mapper through {@link DeviceJson}, so
   * none reads a device's body without the bounds.
   */
  @Test
  void everyDeviceMapperIsBuiltWithTheBounds() throws IOException {
    Pattern unbounded =
        Pattern.compile("new (ObjectMapper|JsonMapper|JsonFactory)\\(|JsonMapper\\.builder\\(");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/homeenergy/device"))) {
      offenders =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !f.toString().contains("/sim/"))
              .filter(
                  f -> {
                    try {
                      Matcher matcher = unbounded.matcher(Files.readString(f));
                      return matcher.find();
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(Path::toString)
              .toList();
    }
    assertThat(offenders).as("device code building a JSON mapper without DeviceJson").isEmpty();
  }
}
