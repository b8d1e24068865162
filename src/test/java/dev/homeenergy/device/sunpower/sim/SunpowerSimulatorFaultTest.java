package dev.homeenergy.device.sunpower.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SunpowerSimulatorFaultTest {
  private final SunpowerSimulatorHttp http = new SunpowerSimulatorHttp();
  private final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void gridProfileErrorAnswersTheMimeErrorBody() throws Exception {
    SunpowerSimulator simulator = http.start("legacy", "grid_profile_error");
    HttpResponse<String> response = http.command(simulator, "GridProfileGet");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\n\t\"result\":\t\"error\",\n\t\"msg\":\t\"Could not connect to mime.\",\n\t\"success\":\tfalse\n}\n");
    assertThat(http.command(simulator, "DeviceList").statusCode()).isEqualTo(200);
  }

  @Test
  void http500AnswersEveryRequestUntilSwitchedOff() throws Exception {
    SunpowerSimulator simulator = http.start("legacy", "http_500");
    assertThat(http.command(simulator, "DeviceList").statusCode()).isEqualTo(500);
    assertThat(http.get(simulator, "/cgi-bin/dl_cgi/supervisor/info").statusCode()).isEqualTo(500);
    SunpowerSimulator locked = http.start("locked", "http_500");
    assertThat(http.login(locked, "basic", "D1234").statusCode()).isEqualTo(500);
    assertThat(http.get(locked, "/vars?name=/sys/info/sw_rev").statusCode()).isEqualTo(500);

    simulator.setFaults(Set.of());
    assertThat(http.command(simulator, "DeviceList").statusCode()).isEqualTo(200);
    simulator.enable(PvsFault.HTTP_500);
    assertThat(http.command(simulator, "Start").statusCode()).isEqualTo(500);
    simulator.disable(PvsFault.HTTP_500);
    assertThat(http.command(simulator, "Start").statusCode()).isEqualTo(200);
  }

  @Test
  void slowDelaysDeviceListOnly() throws Exception {
    SunpowerSimulator simulator = http.start("legacy", "slow");
    simulator.setSlowDelay(Duration.ofMillis(300));
    long started = System.nanoTime();
    HttpResponse<String> response = http.command(simulator, "DeviceList");
    long elapsed = System.nanoTime() - started;
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
    assertThat(simulator.pendingExchanges()).isZero();
  }

  @Test
  void inverterErrorPutsSomeInvertersInErrorWithAndWithoutValues() throws Exception {
    SunpowerSimulator simulator = http.start("legacy", "inverter_error");
    JsonNode devices = mapper.readTree(http.command(simulator, "DeviceList").body()).get("devices");
    List<JsonNode> errors = new ArrayList<>();
    devices.forEach(
        device -> {
          if (device.get("DEVICE_TYPE").asText().equals("Inverter")
              && device.get("STATE").asText().equals("error")) {
            errors.add(device);
          }
        });
    assertThat(errors).hasSize(3);
    assertThat(errors)
        .allSatisfy(device -> assertThat(device.get("STATEDESCR").asText()).isEqualTo("Error"));
    long withValues = errors.stream().filter(device -> device.has("p_3phsum_kw")).count();
    long withoutValues =
        errors.stream()
            .filter(device -> !device.has("p_3phsum_kw") && !device.has("DATATIME"))
            .count();
    assertThat(withValues).isEqualTo(2);
    assertThat(withoutValues).isEqualTo(1);
  }

  @Test
  void noProductionMeterDropsItFromTheDeviceList() throws Exception {
    SunpowerSimulator simulator = http.start("legacy", "no_production_meter");
    JsonNode devices = mapper.readTree(http.command(simulator, "DeviceList").body()).get("devices");
    assertThat(devices).hasSize(SunpowerSimulatorSettings.DEFAULT_INVERTERS + 2);
    List<String> types = new ArrayList<>();
    devices.forEach(device -> types.add(device.path("TYPE").asText()));
    assertThat(types).doesNotContain("PVS5-METER-P").contains("PVS5-METER-C");

    simulator.setFaults(Set.of());
    assertThat(mapper.readTree(http.command(simulator, "DeviceList").body()).get("devices"))
        .hasSize(SunpowerSimulatorSettings.DEFAULT_INVERTERS + 3);
  }
}
