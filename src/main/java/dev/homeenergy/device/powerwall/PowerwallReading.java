package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.Reading;
import java.util.List;

/** The parsed reading of one gateway poll. (Skeleton: the payload records come next.) */
public record PowerwallReading(List<EndpointFailure> endpointFailures) implements Reading {

  /** Parses every body; a body that does not parse becomes a {@code parse} endpoint failure. */
  public static PowerwallReading parse(PowerwallResponses responses) {
    return new PowerwallReading(responses.failures());
  }
}
