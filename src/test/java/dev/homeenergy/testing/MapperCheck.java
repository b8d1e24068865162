package dev.homeenergy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.Reading;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What every mapper must do with any body: fail only as {@code parse}, else render valid output
 * under both namings.
 */
public final class MapperCheck {
  private MapperCheck() {}

  /** Parses a poll's bodies into a reading, or fails the poll. */
  @FunctionalInterface
  public interface Parse {
    Reading parse() throws PollException;
  }

  /**
   * Parses, and when that succeeds renders the reading under both namings as the exporter serves it
   * and checks the exposition; also asks for the status-page summary.
   */
  public static void check(DeviceFamily family, Map<String, Object> extra, Parse parse) {
    Reading reading;
    try {
      reading = parse.parse();
    } catch (PollException e) {
      assertThat(e.reason()).as(e.getMessage()).isEqualTo(FailureReason.PARSE);
      return;
    }
    reading.summary();
    reading.endpointFailures();
    for (NamingStyle naming : NamingStyle.values()) {
      DeviceConfig config =
          new DeviceConfig(
              "prop \"x\"",
              family.type(),
              URI.create("http://127.0.0.1"),
              Duration.ofSeconds(5),
              Duration.ofSeconds(5),
              Duration.ofSeconds(30),
              naming,
              extra);
      ExpositionSyntax.assertValid(
          TextExposition.renderAsServed(family.render(reading, config).list()));
    }
  }
}
