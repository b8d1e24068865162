package dev.homeenergy.device.sunpower;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeenergy.core.PollException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the PVS captures kept under {@code src/test/resources/sunpower/} and builds poll responses from them. */
final class SunpowerFixtures {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SunpowerFixtures() {}

  static String text(String name) {
    try (InputStream in = SunpowerFixtures.class.getResourceAsStream("/sunpower/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SunpowerResponses dlCgi(String deviceList, String comm, String gridProfile) {
    return new SunpowerResponses(SunpowerApi.DL_CGI, text(deviceList), comm == null ? null : text(comm),
        gridProfile == null ? null : text(gridProfile), null, null, List.of());
  }

  static SunpowerReading dlCgiReading(String deviceList) {
    return parse(dlCgi(deviceList, null, null));
  }

  /** A full dl_cgi poll: the DeviceList with sungazer's Get_Comm and GridProfileGet. */
  static SunpowerReading dlCgiFull(String deviceList) {
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
        JsonNode dump = MAPPER.readTree(text(file));
        dump.properties().forEach(e -> SunpowerResponses.VARS_MATCHES.stream()
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
    return parse(new SunpowerResponses(SunpowerApi.VARS, null, null, null, bodies, supervisorInfo, List.of()));
  }

  static SunpowerReading parse(SunpowerResponses responses) {
    try {
      return SunpowerReading.parse(responses);
    } catch (PollException e) {
      throw new AssertionError(e);
    }
  }
}
