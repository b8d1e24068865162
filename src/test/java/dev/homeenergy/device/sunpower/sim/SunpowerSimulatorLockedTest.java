package dev.homeenergy.device.sunpower.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SunpowerSimulatorLockedTest {
  private static final String FORBIDDEN =
      "{ \"status\":403, \"error\" : \"Unauthorized\", \"path\":\"\" }\n";
  private static final String BAD_REQUEST =
      "{\"status\": 400, \"description\" : \"Bad request\", \"errorcode\" : \"0x0000\"}\n";

  private final SunpowerSimulatorHttp http = new SunpowerSimulatorHttp();
  private final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void everyDlCgiCommandIsForbiddenButSupervisorInfoIsOpen() throws Exception {
    SunpowerSimulator simulator = http.start("locked");
    for (String command : List.of("DeviceList", "Start", "GridProfileGet", "Get_Comm", "Stop")) {
      HttpResponse<String> response = http.command(simulator, command);
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).isEqualTo(FORBIDDEN);
    }
    String session = http.session(simulator);
    HttpResponse<String> withCookie =
        http.get(simulator, "/cgi-bin/dl_cgi?Command=DeviceList", "Cookie", "session=" + session);
    assertThat(withCookie.statusCode()).isEqualTo(403);

    HttpResponse<String> info = http.get(simulator, "/cgi-bin/dl_cgi/supervisor/info");
    assertThat(info.statusCode()).isEqualTo(200);
    JsonNode supervisor = mapper.readTree(info.body()).get("supervisor");
    assertThat(supervisor.get("SERIAL").asText())
        .isEqualTo(SunpowerSimulatorSettings.DEFAULT_SERIAL);
    assertThat(supervisor.get("BUILD").asInt()).isEqualTo(61845);
    assertThat(simulator.commandCount("DeviceList")).isEqualTo(2);
  }

  @Test
  void logsInWithTheLastFiveCharactersOfTheSerial() throws Exception {
    SunpowerSimulator simulator = http.start("locked");

    HttpResponse<String> ok = http.login(simulator, "basic", "D1234");
    assertThat(ok.statusCode()).isEqualTo(200);
    String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).matches("session=[0-9a-f]{64}; Secure; HttpOnly");
    String id = cookie.substring(8, 72);
    assertThat(mapper.readTree(ok.body()).get("session").asText()).isEqualTo(id);
    assertThat(http.login(simulator, "Basic", "D1234").statusCode()).isEqualTo(200);

    HttpResponse<String> wrong = http.login(simulator, "basic", "XXXXX");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo("{\"status\": 401, \"description\" : \"Unauthorized\"}");
    assertThat(http.get(simulator, "/auth?login").statusCode()).isEqualTo(401);
    assertThat(http.get(simulator, "/auth?whoami").statusCode()).isEqualTo(400);
    assertThat(simulator.logins()).isEqualTo(2);
    assertThat(simulator.requestCount("/auth")).isEqualTo(5);
  }

  @Test
  void varsAnswerWithASessionAndRefuseWithout() throws Exception {
    SunpowerSimulator simulator = http.start("locked");
    String session = http.session(simulator);

    HttpResponse<String> live = http.vars(simulator, session, "match=/sys/livedata/&fmt=obj");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body())
        .startsWith("{ \"/sys/livedata/time\":\"" + http.clock.instant().getEpochSecond() + "\",");
    assertThat(live.body()).endsWith("}\n");
    JsonNode values = mapper.readTree(live.body());
    assertThat(values.size()).isEqualTo(12);
    assertThat(values.get("/sys/livedata/ess_p").asText()).isEqualTo("nan");
    assertThat(values.get("/sys/livedata/pv_p").asText()).matches("\\d+\\.\\d{6}");
    double pv = values.get("/sys/livedata/pv_p").asDouble();
    double net = values.get("/sys/livedata/net_p").asDouble();
    double load = values.get("/sys/livedata/site_load_p").asDouble();
    assertThat(net).isBetween(load - pv - 0.00001, load - pv + 0.00001);

    HttpResponse<String> anonymous = http.vars(simulator, null, "match=/sys/livedata/");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(http.vars(simulator, "0".repeat(64), "match=/sys/livedata/").statusCode())
        .isEqualTo(401);
    HttpResponse<String> open = http.vars(simulator, null, "name=/sys/info/sw_rev");
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.body())
        .isEqualTo(
            "{\"values\" : [ { \"name\": \"/sys/info/sw_rev\", \"value\" : \"2025.09.04.61845\" }],\"count\": 1 }\n");

    HttpResponse<String> none = http.vars(simulator, session, "match=/sys/devices/ess/");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).isEqualTo(BAD_REQUEST);
    assertThat(simulator.requestCount("/vars")).isEqualTo(5);
  }

  @Test
  void deviceVariablesAreMeasuredOnFiveMinuteBoundaries() throws Exception {
    SunpowerSimulator simulator = http.start("locked");
    String session = http.session(simulator);

    JsonNode inverters =
        mapper.readTree(
            http.vars(simulator, session, "match=/sys/devices/inverter/&fmt=obj").body());
    assertThat(inverters.size()).isEqualTo(12 * SunpowerSimulatorSettings.DEFAULT_INVERTERS);
    assertThat(inverters.get("/sys/devices/inverter/0/msmtEps").asText())
        .isEqualTo("2025-06-21T20:00:00Z");
    assertThat(inverters.get("/sys/devices/inverter/11/tHtsnkDegc").asText()).matches("\\d+");
    assertThat(inverters.get("/sys/devices/inverter/0/p3phsumKw").asText()).matches("0\\.\\d{6}");
    JsonNode meters =
        mapper.readTree(http.vars(simulator, session, "match=/sys/devices/meter/&fmt=obj").body());
    assertThat(meters.get("/sys/devices/meter/0/prodMdlNm").asText()).isEqualTo("PVS6M0400p");
    assertThat(meters.get("/sys/devices/meter/0/p1Kw").asText()).isEqualTo("0.000000");
    assertThat(meters.get("/sys/devices/meter/1/prodMdlNm").asText()).isEqualTo("PVS6M0400c");

    http.clock.advance(Duration.ofMinutes(4));
    JsonNode same =
        mapper.readTree(
            http.vars(simulator, session, "match=/sys/devices/inverter/0/&fmt=obj").body());
    assertThat(same.get("/sys/devices/inverter/0/ltea3phsumKwh"))
        .isEqualTo(inverters.get("/sys/devices/inverter/0/ltea3phsumKwh"));
    http.clock.advance(Duration.ofSeconds(60));
    String renewed = http.session(simulator);
    JsonNode later =
        mapper.readTree(
            http.vars(simulator, renewed, "match=/sys/devices/inverter/0/&fmt=obj").body());
    assertThat(later.get("/sys/devices/inverter/0/msmtEps").asText())
        .isEqualTo("2025-06-21T20:05:00Z");
    assertThat(later.get("/sys/devices/inverter/0/ltea3phsumKwh").asDouble())
        .isGreaterThan(inverters.get("/sys/devices/inverter/0/ltea3phsumKwh").asDouble());
  }

  @Test
  void cachedQueriesRecallTheVariableSetWithFreshValues() throws Exception {
    SunpowerSimulator simulator = http.start("locked");
    String session = http.session(simulator);

    HttpResponse<String> stored =
        http.post(
            simulator,
            "/vars",
            "match=/sys/livedata/&cache=ldata&fmt=obj",
            "Cookie",
            "session=" + session);
    assertThat(stored.statusCode()).isEqualTo(200);
    http.clock.advance(Duration.ofSeconds(30));
    HttpResponse<String> recalled = http.vars(simulator, session, "cache=ldata&fmt=obj");
    assertThat(recalled.statusCode()).isEqualTo(200);
    assertThat(fieldNames(mapper.readTree(recalled.body())))
        .isEqualTo(fieldNames(mapper.readTree(stored.body())));
    assertThat(mapper.readTree(recalled.body()).get("/sys/livedata/time").asLong())
        .isEqualTo(http.clock.instant().getEpochSecond());
    assertThat(http.vars(simulator, session, "cache=unknown").statusCode()).isEqualTo(400);

    HttpResponse<String> list =
        http.vars(simulator, session, "name=/sys/info/model,/sys/info/hwrev");
    assertThat(list.body())
        .isEqualTo(
            "{\"values\" : [ { \"name\": \"/sys/info/model\", \"value\" : \"PVS6\" },"
                + "{ \"name\": \"/sys/info/hwrev\", \"value\" : \"6.02\" }],\"count\": 2 }\n");
    HttpResponse<String> set = http.vars(simulator, session, "set=/sys/telemetryws/enable=1");
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(
            mapper
                .readTree(
                    http.vars(simulator, session, "name=/sys/telemetryws/enable&fmt=obj").body())
                .get("/sys/telemetryws/enable")
                .asText())
        .isEqualTo("1");
  }

  @Test
  void sessionsExpireAfterTheirLifetimeOrOnDemand() throws Exception {
    SunpowerSimulator simulator = http.start("locked");
    String session = http.session(simulator);
    http.clock.advance(Duration.ofSeconds(299));
    assertThat(http.vars(simulator, session, "match=/sys/info/").statusCode()).isEqualTo(200);
    http.clock.advance(Duration.ofSeconds(1));
    assertThat(http.vars(simulator, session, "match=/sys/info/").statusCode()).isEqualTo(401);

    String renewed = http.session(simulator);
    assertThat(renewed).isNotEqualTo(session);
    assertThat(http.vars(simulator, renewed, "match=/sys/info/").statusCode()).isEqualTo(200);
    simulator.expireSessions();
    assertThat(http.vars(simulator, renewed, "match=/sys/info/").statusCode()).isEqualTo(401);

    String third = http.session(simulator);
    assertThat(http.get(simulator, "/auth?logout", "Cookie", "session=" + third).statusCode())
        .isEqualTo(204);
    assertThat(http.vars(simulator, third, "match=/sys/info/").statusCode()).isEqualTo(401);
    assertThat(http.get(simulator, "/auth?logout", "Cookie", "session=" + third).statusCode())
        .isEqualTo(401);
    assertThat(simulator.logins()).isEqualTo(3);
  }

  @Test
  void storageLockedServesEssAndTransferSwitchVariables() throws Exception {
    SunpowerSimulator simulator = http.start("storage-locked");
    String session = http.session(simulator);

    JsonNode ess =
        mapper.readTree(http.vars(simulator, session, "match=/sys/devices/ess/&fmt=obj").body());
    assertThat(ess.get("/sys/devices/ess/0/socVal").asText()).isEqualTo("0.860000");
    JsonNode transfer =
        mapper.readTree(
            http.vars(simulator, session, "match=/sys/devices/transfer_switch/&fmt=obj").body());
    assertThat(transfer.get("/sys/devices/transfer_switch/0/midStEnum").asText()).isEqualTo("1");
    JsonNode live =
        mapper.readTree(http.vars(simulator, session, "match=/sys/livedata/&fmt=obj").body());
    assertThat(live.get("/sys/livedata/soc").asText()).isEqualTo("0.860000");
    assertThat(http.command(simulator, "DeviceList").statusCode()).isEqualTo(403);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
