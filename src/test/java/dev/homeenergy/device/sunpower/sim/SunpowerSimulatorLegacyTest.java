package dev.homeenergy.device.sunpower.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.simulator.SimulatorOptions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SunpowerSimulatorLegacyTest {
  private static final List<String> INVERTER_KEYS =
      List.of(
          "ISDETAIL",
          "SERIAL",
          "TYPE",
          "STATE",
          "STATEDESCR",
          "MODEL",
          "DESCR",
          "DEVICE_TYPE",
          "hw_version",
          "interface",
          "PANEL",
          "slave",
          "SWVER",
          "PORT",
          "MOD_SN",
          "NMPLT_SKU",
          "DATATIME",
          "ltea_3phsum_kwh",
          "p_3phsum_kw",
          "vln_3phavg_v",
          "i_3phsum_a",
          "p_mppt1_kw",
          "v_mppt1_v",
          "i_mppt1_a",
          "t_htsnk_degc",
          "freq_hz",
          "stat_ind",
          "origin",
          "OPERATION",
          "CURTIME");
  private static final List<String> SUPERVISOR_KEYS =
      List.of(
          "DETAIL",
          "STATE",
          "STATEDESCR",
          "SERIAL",
          "MODEL",
          "HWVER",
          "SWVER",
          "DEVICE_TYPE",
          "DATATIME",
          "dl_err_count",
          "dl_comm_err",
          "dl_skipped_scans",
          "dl_scan_time",
          "dl_untransmitted",
          "dl_uptime",
          "dl_cpu_load",
          "dl_mem_used",
          "dl_flash_avail",
          "panid",
          "CURTIME");
  private static final String TIME_PATTERN = "\\d{4},\\d{2},\\d{2},\\d{2},\\d{2},\\d{2}";

  private final SunpowerSimulatorHttp http = new SunpowerSimulatorHttp();
  private final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void deviceListHasTheTabFormatStringNumbersAndOneEntryPerDevice() throws Exception {
    SunpowerSimulator simulator = http.start("legacy");
    HttpResponse<String> response = http.command(simulator, "DeviceList");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    String body = response.body();
    assertThat(body)
        .startsWith(
            "{\n\t\"devices\":\t[{\n\t\t\t\"DETAIL\":\t\"detail\",\n\t\t\t\"STATE\":\t\"working\",\n");
    assertThat(body).contains("\n\t\t}, {\n\t\t\t\"ISDETAIL\":\ttrue,\n");
    assertThat(body).endsWith("\n\t\t}],\n\t\"result\":\t\"succeed\"\n}\n");
    assertThat(body).doesNotContain("  ");

    JsonNode devices = mapper.readTree(body).get("devices");
    assertThat(devices).hasSize(SunpowerSimulatorSettings.DEFAULT_INVERTERS + 3);
    assertThat(simulator.deviceCount()).isEqualTo(devices.size());
    List<String> types = new ArrayList<>();
    devices.forEach(device -> types.add(device.get("DEVICE_TYPE").asText()));
    assertThat(types.subList(0, 3)).containsExactly("PVS", "Power Meter", "Power Meter");
    assertThat(types.subList(3, types.size())).containsOnly("Inverter");

    JsonNode supervisor = devices.get(0);
    assertThat(fieldNames(supervisor)).containsExactlyElementsOf(SUPERVISOR_KEYS);
    assertThat(supervisor.get("SERIAL").asText())
        .isEqualTo(SunpowerSimulatorSettings.DEFAULT_SERIAL);
    assertThat(supervisor.get("panid").isNumber()).isTrue();
    assertThat(supervisor.get("dl_uptime").isTextual()).isTrue();
    assertThat(supervisor.get("DATATIME").asText()).matches(TIME_PATTERN).endsWith(",00,00");

    JsonNode inverter = devices.get(3);
    assertThat(fieldNames(inverter)).containsExactlyElementsOf(INVERTER_KEYS);
    assertThat(inverter.get("ISDETAIL").isBoolean()).isTrue();
    assertThat(inverter.get("slave").isNumber()).isTrue();
    assertThat(inverter.get("p_3phsum_kw").isTextual()).isTrue();
    assertThat(inverter.get("DATATIME").asText()).isEqualTo("2025,06,21,20,00,00");
    assertThat(inverter.get("CURTIME").asText()).isEqualTo("2025,06,21,20,00,07");
    assertThat(Double.parseDouble(inverter.get("p_3phsum_kw").asText())).isBetween(0.2, 0.36);

    JsonNode production = devices.get(1);
    assertThat(production.get("TYPE").asText()).isEqualTo("PVS5-METER-P");
    JsonNode consumption = devices.get(2);
    assertThat(consumption.get("TYPE").asText()).isEqualTo("PVS5-METER-C");
    double inverterSum = 0;
    for (int i = 3; i < devices.size(); i++) {
      inverterSum += Double.parseDouble(devices.get(i).get("p_3phsum_kw").asText());
    }
    assertThat(number(production, "p_3phsum_kw")).isCloseTo(inverterSum, within(0.001));
    assertThat(number(consumption, "p1_kw") + number(consumption, "p2_kw"))
        .isCloseTo(number(consumption, "p_3phsum_kw"), within(0.0002));
    assertThat(
            number(consumption, "pos_ltea_3phsum_kwh") - number(consumption, "neg_ltea_3phsum_kwh"))
        .isCloseTo(number(consumption, "net_ltea_3phsum_kwh"), within(0.0002));
    assertThat(simulator.commandCount("DeviceList")).isEqualTo(1);
    assertThat(simulator.requestCount("/cgi-bin/dl_cgi")).isEqualTo(1);
  }

  @Test
  void valuesFollowTheSimulatedClock() throws Exception {
    SunpowerSimulator simulator = http.start("legacy");
    JsonNode before = mapper.readTree(http.command(simulator, "DeviceList").body()).get("devices");
    http.clock.advance(Duration.ofMinutes(10));
    JsonNode after = mapper.readTree(http.command(simulator, "DeviceList").body()).get("devices");

    assertThat(number(after.get(0), "dl_uptime") - number(before.get(0), "dl_uptime"))
        .isEqualTo(600);
    assertThat(number(after.get(3), "ltea_3phsum_kwh"))
        .isGreaterThan(number(before.get(3), "ltea_3phsum_kwh"));
    assertThat(after.get(3).get("DATATIME").asText()).isEqualTo("2025,06,21,20,10,00");
  }

  @Test
  void deviceListLatencyIsProportionalToTheDeviceCount() throws Exception {
    Duration perDevice = Duration.ofMillis(20);
    SunpowerSimulator small =
        http.start(
            "legacy",
            SunpowerSimulatorSettings.defaults()
                .withInverterCount(2)
                .withPerDeviceLatency(perDevice));
    SunpowerSimulator large =
        http.start(
            "legacy",
            SunpowerSimulatorSettings.defaults()
                .withInverterCount(12)
                .withPerDeviceLatency(perDevice));

    long smallNanos = timed(small);
    long largeNanos = timed(large);

    assertThat(smallNanos).isGreaterThanOrEqualTo(perDevice.multipliedBy(5).toNanos());
    assertThat(largeNanos).isGreaterThanOrEqualTo(perDevice.multipliedBy(15).toNanos());
    JsonNode devices = mapper.readTree(http.command(large, "DeviceList").body()).get("devices");
    assertThat(devices.get(0).get("CURTIME").asText()).isEqualTo("2025,06,21,20,00,07");
    assertThat(devices.get(14).get("CURTIME").asText()).isEqualTo("2025,06,21,20,00,07");
    assertThat(http.command(large, "Start").statusCode()).isEqualTo(200);
  }

  @Test
  void answersTheOtherCommands() throws Exception {
    SunpowerSimulator simulator = http.start("legacy");

    HttpResponse<String> start = http.command(simulator, "Start");
    assertThat(start.body())
        .startsWith("{\n\t\"result\":\t\"succeed\",\n\t\"supervisor\":\t{\n\t\t\"SWVER\":\t");
    assertThat(mapper.readTree(start.body()).at("/supervisor/BUILD").asInt()).isEqualTo(61839);
    assertThat(http.command(simulator, "Stop").body())
        .isEqualTo("{\n\t\"result\":\t\"succeed\"\n}\n");
    JsonNode comm = mapper.readTree(http.command(simulator, "Get_Comm").body());
    assertThat(comm.at("/networkstatus/interfaces")).hasSize(4);
    assertThat(comm.at("/networkstatus/ts").asText())
        .isEqualTo(Long.toString(http.clock.instant().getEpochSecond()));
    JsonNode grid = mapper.readTree(http.command(simulator, "GridProfileGet").body());
    assertThat(grid.get("active_id").asText()).hasSize(40);
    assertThat(grid.get("percent").isNumber()).isTrue();
    assertThat(mapper.readTree(http.command(simulator, "CheckFW").body()).get("url").asText())
        .isEqualTo("none");
    JsonNode info = mapper.readTree(http.get(simulator, "/cgi-bin/dl_cgi/supervisor/info").body());
    assertThat(info.at("/supervisor/SERIAL").asText())
        .isEqualTo(SunpowerSimulatorSettings.DEFAULT_SERIAL);
    assertThat(http.command(simulator, "NoSuchCommand").statusCode()).isEqualTo(400);
    assertThat(http.get(simulator, "/vars?match=/sys/info/").statusCode()).isEqualTo(404);
    assertThat(http.get(simulator, "/auth?login").statusCode()).isEqualTo(404);

    assertThat(simulator.commandCount("Start")).isEqualTo(1);
    assertThat(simulator.commandCount("GridProfileGet")).isEqualTo(1);
    assertThat(simulator.requestCount("/cgi-bin/dl_cgi")).isEqualTo(6);
  }

  @Test
  void storageListsTheEssDevices() throws Exception {
    SunpowerSimulator simulator = http.start("storage");
    JsonNode devices = mapper.readTree(http.command(simulator, "DeviceList").body()).get("devices");

    List<String> types = new ArrayList<>();
    devices.forEach(device -> types.add(device.get("DEVICE_TYPE").asText()));
    assertThat(types).hasSize(SunpowerSimulatorSettings.DEFAULT_INVERTERS + 3 + 7);
    assertThat(types.subList(types.size() - 7, types.size()))
        .containsExactly(
            "PV Disconnect",
            "Gateway",
            "ESS Hub",
            "Storage Inverter",
            "ESS BMS",
            "Battery",
            "Energy Storage System");
    assertThat(devices.get(devices.size() - 1).get("TYPE").asText()).isEqualTo("EQUINOX-ESS");
    assertThat(simulator.deviceCount()).isEqualTo(devices.size());
  }

  @Test
  void namesScenariosAndFaultsAndRejectsUnknownOnes() {
    assertThat(SunpowerSimulator.scenarioNames())
        .containsExactly("legacy", "locked", "storage", "storage-locked");
    assertThat(SunpowerSimulator.faultNames())
        .containsExactly(
            "grid_profile_error",
            "http_500",
            "slow",
            "inverter_error",
            "no_production_meter",
            "forbidden_once",
            "dl_cgi_forbidden");
    assertThatThrownBy(
            () ->
                SunpowerSimulator.start(
                    new SimulatorOptions("127.0.0.1", 0, "nope", http.clock, Set.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("legacy, locked, storage, storage-locked");
    assertThatThrownBy(
            () ->
                SunpowerSimulator.start(
                    new SimulatorOptions("127.0.0.1", 0, "legacy", http.clock, Set.of("meltdown"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grid_profile_error, http_500, slow");
    assertThatThrownBy(() -> SunpowerSimulatorSettings.defaults().withInverterCount(501))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private long timed(SunpowerSimulator simulator) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = http.command(simulator, "DeviceList");
    long elapsed = System.nanoTime() - started;
    assertThat(response.statusCode()).isEqualTo(200);
    return elapsed;
  }

  private static double number(JsonNode device, String field) {
    return Double.parseDouble(device.get(field).asText());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
