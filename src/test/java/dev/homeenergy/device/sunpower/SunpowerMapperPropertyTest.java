package dev.homeenergy.device.sunpower;

import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.JsonBodies;
import dev.homeenergy.testing.MapperCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Any body on any PVS endpoint of either API: a parse failure or valid output under both namings. */
class SunpowerMapperPropertyTest {
  private static final String DEVICE_LIST = "DeviceList";
  private static final String COMM = "Get_Comm";
  private static final String GRID_PROFILE = "GridProfileGet";
  private static final String SUPERVISOR_INFO = "supervisor/info";

  private static final Map<String, List<String>> DL_CGI_SEEDS = Map.of(
      DEVICE_LIST, List.of("devicelist_2025_build61839_4devices.json", "devicelist_2019_build4150.json",
          "devicelist_ess_devices.json", "devicelist_inverter_error_with_values.json"),
      COMM, List.of("get_comm.json", "get_comm_2019.json"),
      GRID_PROFILE, List.of("gridprofileget.json", "gridprofileget_error_mime.json"));

  private static Map<String, String> varsBodies() {
    return SunpowerFixtures.varsBodies("vars_dump_build61845.json", "vars_livedata_with_battery.json");
  }

  @Provide
  Arbitrary<Tuple2<String, String>> dlCgiBodies() {
    return Arbitraries.of(List.copyOf(DL_CGI_SEEDS.keySet())).flatMap(endpoint ->
        JsonBodies.from(DL_CGI_SEEDS.get(endpoint).stream().map(name -> Fixtures.text("sunpower", name)).toList())
            .map(b -> Tuple.of(endpoint, b)));
  }

  @Provide
  Arbitrary<Tuple2<String, String>> varsEndpointBodies() {
    Map<String, String> seeds = varsBodies();
    List<String> endpoints = new java.util.ArrayList<>(seeds.keySet());
    endpoints.add(SUPERVISOR_INFO);
    return Arbitraries.of(endpoints).flatMap(endpoint -> JsonBodies.from(
            List.of(endpoint.equals(SUPERVISOR_INFO) ? "{\"supervisor\":{\"SERIAL\":\"ZT01\",\"MODEL\":\"PV2R1\"}}"
                : seeds.get(endpoint).equals("{}") ? "{\"/sys/x\":\"1\"}" : seeds.get(endpoint)))
        .map(b -> Tuple.of(endpoint, b)));
  }

  @Property(tries = 1000)
  void anyDlCgiBodyParsesOrFailsAsParseAndRendersValidOutput(@ForAll("dlCgiBodies") Tuple2<String, String> body) {
    Map<String, String> bodies = new LinkedHashMap<>(Map.of(
        DEVICE_LIST, Fixtures.text("sunpower", "devicelist_2025_build61839_4devices.json"),
        COMM, Fixtures.text("sunpower", "get_comm.json"),
        GRID_PROFILE, Fixtures.text("sunpower", "gridprofileget.json")));
    bodies.put(body.get1(), body.get2());
    MapperCheck.check(new SunpowerFamily(), Map.of(), () -> SunpowerReading.parse(new SunpowerResponses(
        SunpowerApi.DL_CGI, bodies.get(DEVICE_LIST), bodies.get(COMM), bodies.get(GRID_PROFILE), null, null,
        List.of())));
  }

  @Property(tries = 1000)
  void anyVarsBodyParsesOrFailsAsParseAndRendersValidOutput(
      @ForAll("varsEndpointBodies") Tuple2<String, String> body) {
    Map<String, String> vars = new LinkedHashMap<>(varsBodies());
    String supervisorInfo = null;
    if (body.get1().equals(SUPERVISOR_INFO)) {
      supervisorInfo = body.get2();
    } else {
      vars.put(body.get1(), body.get2());
    }
    String info = supervisorInfo;
    MapperCheck.check(new SunpowerFamily(), Map.of(), () -> SunpowerReading.parse(new SunpowerResponses(
        SunpowerApi.VARS, null, null, null, vars, info, List.of())));
  }
}
