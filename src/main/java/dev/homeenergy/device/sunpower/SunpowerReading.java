package dev.homeenergy.device.sunpower;

import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.Reading;
import java.util.List;

/** The parsed reading of one PVS poll. (Skeleton: the device model comes next.) */
public record SunpowerReading(SunpowerApi api, List<EndpointFailure> endpointFailures) implements Reading {

  /**
   * Parses the bodies of one poll.
   *
   * @throws PollException with reason {@code parse} when the main body (DeviceList, or the vars
   *     device data) is unusable; a bad Get_Comm or GridProfileGet body only adds an endpoint failure
   */
  public static SunpowerReading parse(SunpowerResponses responses) throws PollException {
    return new SunpowerReading(responses.api(), responses.failures());
  }
}
