package dev.homeenergy.device.sunpower;

import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.JsonBodies;
import dev.homeenergy.testing.JsonBodies.EndpointBody;
import dev.homeenergy.testing.MapperCheck;
import dev.homeenergy.testing.PropertyRuns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Any body on any PVS endpoint of either API: a parse failure or valid output under both namings.
 */
class SunpowerMapperPropertyTest {
  private static final String DEVICE_LIST = "DeviceList";
  private static final String COMM = "Get_Comm";
  private static final String GRID_PROFILE = "GridProfileGet";
  private static final String SUPERVISOR_INFO = "supervisor/info";

  private static final Map<String, List<String>> DL_CGI_SEEDS =
      Map.of(
          DEVICE_LIST,
              List.of(
                  "devicelist_2025_build61839_4devices.json",
                  "devicelist_2019_build4150.json",
                  "devicelist_ess_devices.json",
                  "devicelist_inverter_error_with_values.json"),
          COMM, List.of("get_comm.json", "get_comm_2019.json"),
          GRID_PROFILE, List.of("gridprofileget.json", "gridprofileget_error_mime.json"));

  private static Map<String, String> varsBodies() {
    return SunpowerFixtures.varsBodies(
        "vars_dump_build61845.json", "vars_livedata_with_battery.json");
  }

  private static Map<String, List<String>> dlCgiSeeds() {
    Map<String, List<String>> seeds = new LinkedHashMap<>();
    DL_CGI_SEEDS.forEach(
        (endpoint, files) ->
            seeds.put(
                endpoint, files.stream().map(name -> Fixtures.text("sunpower", name)).toList()));
    return seeds;
  }

  private static Map<String, List<String>> varsSeeds() {
    Map<String, List<String>> seeds = new LinkedHashMap<>();
    varsBodies()
        .forEach(
            (endpoint, body) ->
                seeds.put(endpoint, List.of(body.equals("{}") ? "{\"/sys/x\":\"1\"}" : body)));
    seeds.put(
        SUPERVISOR_INFO, List.of("{\"supervisor\":{\"SERIAL\":\"ZT01\",\"MODEL\":\"PV2R1\"}}"));
    return seeds;
  }

  @Test
  void anyDlCgiBodyParsesOrFailsAsParseAndRendersValidOutput() {
    Map<String, List<String>> seeds = dlCgiSeeds();
    PropertyRuns.tries(1000)
        .check(
            JsonBodies.edgeCases(seeds),
            JsonBodies.perEndpoint(seeds),
            this::dlCgiBodyParsesOrFailsAsParseAndRendersValidOutput);
  }

  @Test
  void anyVarsBodyParsesOrFailsAsParseAndRendersValidOutput() {
    Map<String, List<String>> seeds = varsSeeds();
    PropertyRuns.tries(1000)
        .check(
            JsonBodies.edgeCases(seeds),
            JsonBodies.perEndpoint(seeds),
            this::varsBodyParsesOrFailsAsParseAndRendersValidOutput);
  }

  private void dlCgiBodyParsesOrFailsAsParseAndRendersValidOutput(EndpointBody body) {
    Map<String, String> bodies =
        new LinkedHashMap<>(
            Map.of(
                DEVICE_LIST, Fixtures.text("sunpower", "devicelist_2025_build61839_4devices.json"),
                COMM, Fixtures.text("sunpower", "get_comm.json"),
                GRID_PROFILE, Fixtures.text("sunpower", "gridprofileget.json")));
    bodies.put(body.endpoint(), body.body());
    MapperCheck.check(
        new SunpowerFamily(),
        Map.of(),
        () ->
            SunpowerReading.parse(
                new SunpowerResponses(
                    SunpowerApi.DL_CGI,
                    bodies.get(DEVICE_LIST),
                    bodies.get(COMM),
                    bodies.get(GRID_PROFILE),
                    null,
                    null,
                    List.of())));
  }

  private void varsBodyParsesOrFailsAsParseAndRendersValidOutput(EndpointBody body) {
    Map<String, String> vars = new LinkedHashMap<>(varsBodies());
    String supervisorInfo = null;
    if (body.endpoint().equals(SUPERVISOR_INFO)) {
      supervisorInfo = body.body();
    } else {
      vars.put(body.endpoint(), body.body());
    }
    String info = supervisorInfo;
    MapperCheck.check(
        new SunpowerFamily(),
        Map.of(),
        () ->
            SunpowerReading.parse(
                new SunpowerResponses(SunpowerApi.VARS, null, null, null, vars, info, List.of())));
  }
}
