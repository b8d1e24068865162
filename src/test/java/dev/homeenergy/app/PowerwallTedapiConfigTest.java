package dev.homeenergy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.ConfigLoader;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.Secret;
import dev.homeenergy.device.powerwall.PowerwallSettings;
import dev.homeenergy.device.powerwall.TedapiSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TEDAPI keys of {@code type: powerwall}, through the real config loader and family checks. */
class PowerwallTedapiConfigTest {
  private static final Map<String, String> ENV = Map.of("GW_PASSWORD", "ABCDE12345");

  @TempDir Path dir;

  private DeviceConfig load(String entry) throws IOException, ConfigException {
    Path file = Files.createTempFile(dir, "config", ".yml");
    Files.writeString(file, "devices:\n  - " + entry + "\n");
    Families families = Families.all();
    return new ConfigLoader(families.specs(), families.checks(), ENV::get)
        .load(file)
        .devices()
        .get(0);
  }

  @Test
  void fourLinesGiveAPowerwall3WithTedapiAtTheGatewaysOwnAddress() throws Exception {
    DeviceConfig config =
        load("{name: pw3, type: powerwall, gateway_password: \"${GW_PASSWORD}\"}");

    TedapiSettings tedapi = TedapiSettings.from(config);
    assertThat(tedapi.enabled()).isTrue();
    assertThat(tedapi.mode()).isEqualTo("auto");
    assertThat(tedapi.gatewayPassword().reveal()).isEqualTo("ABCDE12345");
    assertThat(tedapi.address()).isEqualTo(URI.create("https://192.168.91.1:443"));
    assertThat(tedapi.interval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(tedapi.querySet()).isEqualTo("auto");
    assertThat(config.address()).isEqualTo(URI.create("https://192.168.91.1:443"));
  }

  @Test
  void theCustomerPasswordIsTheLastFiveCharactersOfTheGatewayPassword() throws Exception {
    DeviceConfig config =
        load("{name: pw3, type: powerwall, address: 10.0.0.5, gateway_password: ABCDE12345}");

    assertThat(PowerwallSettings.from(config).password()).isEqualTo(new Secret("12345"));
  }

  @Test
  void aGivenCustomerPasswordWinsOverTheDerivedOne() throws Exception {
    DeviceConfig config =
        load(
            "{name: pw, type: powerwall, address: 10.0.0.5, password: other,"
                + " gateway_password: ABCDE12345}");

    assertThat(PowerwallSettings.from(config).password()).isEqualTo(new Secret("other"));
  }

  @Test
  void withoutAGatewayPasswordAutoLeavesTedapiOff() throws Exception {
    DeviceConfig config = load("{name: pw, type: powerwall, address: 10.0.0.5, password: x}");

    assertThat(TedapiSettings.from(config).enabled()).isFalse();
  }

  @Test
  void offWinsOverAGatewayPassword() throws Exception {
    DeviceConfig config =
        load("{name: pw, type: powerwall, gateway_password: ABCDE12345, tedapi: \"off\"}");

    assertThat(TedapiSettings.from(config).enabled()).isFalse();
  }

  @Test
  void theTedapiKeysAreRead() throws Exception {
    DeviceConfig config =
        load(
            "{name: pw, type: powerwall, gateway_password: ABCDE12345, tedapi: \"on\","
                + " tedapi_address: \"10.42.0.2:8443\", tedapi_interval: 1m,"
                + " tedapi_query_set: V2026_06}");

    TedapiSettings tedapi = TedapiSettings.from(config);
    assertThat(tedapi.address()).isEqualTo(URI.create("https://10.42.0.2:8443"));
    assertThat(tedapi.interval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(tedapi.querySet()).isEqualTo("V2026_06");
  }

  @Test
  void onWithoutAGatewayPasswordIsRefused() {
    assertThatThrownBy(
            () -> load("{name: pw, type: powerwall, address: h, password: x, tedapi: \"on\"}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("devices[0].gateway_password: required with tedapi: on");
  }

  @Test
  void neitherPasswordIsRefusedWithBothNamed() {
    assertThatThrownBy(() -> load("{name: pw, type: powerwall, address: h}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("devices[0].password: required for powerwall")
        .hasMessageContaining("gateway_password");
  }

  @Test
  void anIntervalBelowTenSecondsIsRefused() {
    assertThatThrownBy(
            () ->
                load(
                    "{name: pw, type: powerwall, gateway_password: ABCDE12345,"
                        + " tedapi_interval: 5s}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("devices[0].tedapi_interval");
  }

  @Test
  void unknownModesAndQuerySetsAreRefused() {
    assertThatThrownBy(
            () -> load("{name: pw, type: powerwall, gateway_password: ABCDE12345, tedapi: yes}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("devices[0].tedapi");
    assertThatThrownBy(
            () ->
                load(
                    "{name: pw, type: powerwall, gateway_password: ABCDE12345,"
                        + " tedapi_query_set: V2025}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("devices[0].tedapi_query_set");
  }

  @Test
  void aBadTedapiAddressIsRefusedWithoutEchoingTheGatewayPassword() {
    assertThatThrownBy(
            () ->
                load(
                    "{name: pw, type: powerwall, gateway_password: ABCDE12345,"
                        + " tedapi_address: \"ftp://x\"}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("devices[0].tedapi_address")
        .hasMessageNotContaining("ABCDE12345");
  }
}
