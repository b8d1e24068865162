package dev.homeenergy.device.sunpower;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeenergy.core.PollException;
import dev.homeenergy.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Poll responses and readings built from the PVS captures under {@code
 * src/test/resources/sunpower/}.
 */
public final class SunpowerFixtures {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SunpowerFixtures() {}

  static SunpowerResponses dlCgi(String deviceList, String comm, String gridProfile) {
    return new SunpowerResponses(
        SunpowerApi.DL_CGI,
        Fixtures.text("sunpower", deviceList),
        comm == null ? null : Fixtures.text("sunpower", comm),
        gridProfile == null ? null : Fixtures.text("sunpower", gridProfile),
        null,
        null,
        List.of());
  }

  static SunpowerReading dlCgiReading(String deviceList) {
    return parse(dlCgi(deviceList, null, null));
  }

  /** A full dl_cgi poll: the DeviceList with sungazer's Get_Comm and GridProfileGet. */
  public static SunpowerReading dlCgiFull(String deviceList) {
    return parse(dlCgi(deviceList, "get_comm.json", "gridprofileget.json"));
  }

  /**
   * Splits a merged {@code fmt=obj} dump into one body per {@link SunpowerResponses#VARS_MATCHES}
   * prefix, as the client reads them; a prefix without variables gets {@code "{}"}.
   */
  static Map<String, String> varsBodies(String... files) {
    Map<String, ObjectNode> bodies = new LinkedHashMap<>();
    SunpowerResponses.VARS_MATCHES.forEach(p -> bodies.put(p, MAPPER.createObjectNode()));
    for (String file : files) {
      try {
        JsonNode dump = MAPPER.readTree(Fixtures.text("sunpower", file));
        dump.properties()
            .forEach(
                e ->
                    SunpowerResponses.VARS_MATCHES.stream()
                        .filter(e.getKey()::startsWith)
                        .findFirst()
                        .ifPresent(p -> bodies.get(p).set(e.getKey(), e.getValue())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    bodies.forEach((p, body) -> out.put(p, body.toString()));
    return out;
  }

  static SunpowerReading varsReading(Map<String, String> bodies, String supervisorInfo) {
    return parse(
        new SunpowerResponses(
            SunpowerApi.VARS, null, null, null, bodies, supervisorInfo, List.of()));
  }

  static SunpowerReading parse(SunpowerResponses responses) {
    try {
      return SunpowerReading.parse(responses);
    } catch (PollException e) {
      throw new AssertionError(e);
    }
  }
}
