package dev.homeenergy.device.wallconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WallConnectorPayloadTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        Captures.VITALS_FW25_IDLE,
        Captures.VITALS_FW25_FACTORY_RESET,
        Captures.VITALS_FW25_PLUGGED,
        Captures.VITALS_FW25_FAULTY,
        Captures.VITALS_CHARGING_40A,
        Captures.VITALS_STATE3,
        Captures.VITALS_STATE7,
        Captures.VITALS_AFTER_STOP,
        Captures.VITALS_BEFORE_CHARGE,
        Captures.VITALS_UNPLUGGED_RETAINED
      })
  void everyFw25VitalsCaptureHasAll27Fields(String fixture) {
    Vitals v = Captures.vitals(fixture);

    assertThat(v).hasNoNullFieldsOrPropertiesExcept("relayK1Volts", "relayK2Volts");
  }

  @Test
  void chargingCaptureKeepsEveryValue() {
    Vitals v = Captures.vitals(Captures.VITALS_CHARGING_40A);

    assertThat(v)
        .isEqualTo(
            new Vitals(
                true,
                true,
                55L,
                252.4,
                59.873,
                40.1,
                0.0,
                40.1,
                0.0,
                40.1,
                118.8,
                246.5,
                118.5,
                5.8,
                null,
                null,
                20.7,
                17.4,
                25.2,
                2671494L,
                -122.0,
                1.5,
                -0.0,
                4.4,
                49.4,
                5,
                11,
                List.of(),
                List.of("1")));
  }

  @Test
  void arraysKeepTheirElementsAsText() {
    assertThat(Captures.vitals(Captures.VITALS_FW25_FACTORY_RESET).evseNotReadyReasons())
        .containsExactly("2", "4", "8");
    assertThat(Captures.vitals(Captures.VITALS_FW25_IDLE).currentAlerts()).isEmpty();
  }

  @Test
  void oldFirmwareWithoutNotReadyReasonsParsesWithNull() {
    Vitals v = Captures.vitals(Captures.VITALS_FW21_IDLE);

    assertThat(v.evseNotReadyReasons()).isNull();
    assertThat(v.relayCoilVolts()).isEqualTo(12.0);
    assertThat(v.gridHertz()).isEqualTo(50.02);
    assertThat(v.currentAlerts()).isEmpty();
  }

  @Test
  void newerFirmwareRelayK1K2Variant() {
    Vitals v = Captures.vitals(Captures.VITALS_RELAY_K1_K2);

    assertThat(v.relayCoilVolts()).isNull();
    assertThat(v.relayK1Volts()).isEqualTo(12.0);
    assertThat(v.relayK2Volts()).isEqualTo(0.0);
    assertThat(v.evseNotReadyReasons()).containsExactly("4", "8");
  }

  @Test
  void alertElementsMayBeNumbersOrStrings() throws PollException {
    Vitals v =
        WallConnectorJson.parse(
            "vitals",
            "{\"current_alerts\":[3,\"alert1\",4.5,true],\"evse_not_ready_reasons\":[]}",
            Vitals.class);

    assertThat(v.currentAlerts()).containsExactly("3", "alert1", "4.5", "true");
    assertThat(v.evseNotReadyReasons()).isEmpty();
    assertThat(v.gridVolts()).isNull();
  }

  @Test
  void everyBodyOfTheFullSessionTraceParses() {
    List<String> lines = Fixtures.text("wallconnector", Captures.SESSION_TRACE).lines().toList();

    assertThat(lines).hasSize(115);
    for (String line : lines) {
      String body = line.substring(line.indexOf('{'));
      Vitals v = parseOrFail(body);
      assertThat(v).hasNoNullFieldsOrPropertiesExcept("relayK1Volts", "relayK2Volts");
    }
  }

  @Test
  void lifetimeCaptures() {
    assertThat(Captures.parse(Captures.LIFETIME_FW25, Lifetime.class))
        .isEqualTo(
            new Lifetime(1054L, 66L, 2243L, 0L, 0.0, 1054L, 5276620L, 483L, 50804115L, 3938097L));
    assertThat(Captures.parse(Captures.LIFETIME_2021, Lifetime.class))
        .isEqualTo(new Lifetime(175L, 3L, 1603L, 0L, 27.8, 175L, 386204L, 23L, 1945056L, 183022L));
  }

  @Test
  void bareNanBecomesNull() {
    Lifetime l = Captures.parse(Captures.LIFETIME_BARE_NAN, Lifetime.class);

    assertThat(l)
        .isEqualTo(
            new Lifetime(450L, null, null, 0L, null, 450L, 2566837L, 238L, 15896787L, 758036L));
  }

  @Test
  void signedAndCapitalisedNanAndNanInArraysBecomeNull() throws PollException {
    Vitals v =
        WallConnectorJson.parse(
            "vitals",
            "{\"grid_v\":-nan,\"grid_hz\": +NaN ,\"prox_v\":NAN,\"pcba_temp_c\":inf,"
                + "\"current_alerts\":[nan, 2,-Infinity]}",
            Vitals.class);

    assertThat(v.gridVolts()).isNull();
    assertThat(v.gridHertz()).isNull();
    assertThat(v.proxVolts()).isNull();
    assertThat(v.pcbaTempCelsius()).isNull();
    assertThat(v.currentAlerts()).containsExactly("null", "2", "null");
  }

  @Test
  void nanInsideStringsIsLeftAlone() throws PollException {
    WifiStatus w =
        WallConnectorJson.parse(
            "wifi_status",
            "{\"wifi_ssid\":\"nan, nan\\\",nan\",\"wifi_rssi\":nan}",
            WifiStatus.class);

    assertThat(w.ssid()).isEqualTo("nan, nan\",nan");
    assertThat(w.rssiDbm()).isNull();
  }

  @Test
  void truncatedBodyIsAParseError() {
    assertParseError(Fixtures.text("wallconnector", Captures.LIFETIME_TRUNCATED), Lifetime.class);
  }

  @ParameterizedTest(name = "body {0}")
  @ValueSource(
      strings = {
        "",
        "   ",
        "<html><body>Not found</body></html>",
        "[1,2,3]",
        "null",
        "42",
        "\"text\"",
        "{\"grid_v\":252.4} trailing",
        "{\"grid_v\":\"abc\"}",
        "{\"grid_v\":{\"x\":1}}",
        "{\"session_s\":\"soon\"}",
        "{\"contactor_closed\":\"maybe\"}",
        "{\"grid_v\":nanx}",
        "{\"grid_v\":252.4,}",
        "{\"current_alerts\":7}"
      })
  void invalidBodiesAreParseErrors(String body) {
    assertParseError(body, Vitals.class);
  }

  @Test
  void unknownFieldsAreIgnored() throws PollException {
    Version v =
        WallConnectorJson.parse(
            "version",
            "{\"firmware_version\":\"26.1.0\",\"new_field\":{\"a\":[1]},\"IEEE1547VfTripsCrc\":\"0x1A2B\"}",
            Version.class);

    assertThat(v.firmwareVersion()).isEqualTo("26.1.0");
    assertThat(v.ieee1547VfTripsCrc()).isEqualTo("0x1A2B");
    assertThat(v.partNumber()).isNull();
  }

  @Test
  void wifiCaptures() {
    WifiStatus w = Captures.parse(Captures.WIFI_FW25, WifiStatus.class);

    assertThat(w)
        .isEqualTo(
            new WifiStatus(
                "U1NJT1JCSQ==",
                64.0,
                -58.0,
                35.0,
                true,
                "192.168.1.221",
                true,
                "54:F8:F0:0A:30:AA"));
    assertThat(w.decodedSsid()).isEqualTo("SSIORBI");
    WifiStatus redacted = Captures.parse(Captures.WIFI_FW21_REDACTED, WifiStatus.class);
    assertThat(redacted.decodedSsid()).isEqualTo("redacted");
    assertThat(redacted.rssiDbm()).isEqualTo(-72.0);
  }

  @Test
  void ssidFallsBackToTheTextAsSent() {
    assertThat(SsidDecoder.decode("TmFuby1pb3Q=")).isEqualTo("Nano-iot");
    assertThat(SsidDecoder.decode("My Home WiFi")).isEqualTo("My Home WiFi");
    assertThat(SsidDecoder.decode("home")).isEqualTo("home");
    assertThat(SsidDecoder.decode("AAEC")).isEqualTo("AAEC");
    assertThat(SsidDecoder.decode("")).isEmpty();
    assertThat(SsidDecoder.decode(null)).isNull();
  }

  @Test
  void versionCaptures() {
    assertThat(Captures.parse(Captures.VERSION_FW25, Version.class))
        .isEqualTo(
            new Version(
                "25.34.1+ge48cc9be91ebc7",
                "HEAD",
                "1734412-02-D",
                "B7S24024J01612",
                "h3-hermes-prd.sn.tesla.services",
                null,
                null,
                null));
    assertThat(Captures.parse(Captures.VERSION_2021, Version.class))
        .isEqualTo(
            new Version(
                "21.29.1+g4152353e50f744",
                null,
                "1529455-02-D",
                "ACB12345678901",
                null,
                null,
                null,
                null));
  }

  private static Vitals parseOrFail(String body) {
    try {
      return WallConnectorJson.parse("vitals", body, Vitals.class);
    } catch (PollException e) {
      throw new AssertionError(body, e);
    }
  }

  @Test
  void nonNumericLifetimeCounterIsAParseError() {
    assertParseError("{\"energy_wh\":\"lots\"}", Lifetime.class);
  }

  private static void assertParseError(String body, Class<?> type) {
    assertThatThrownBy(() -> WallConnectorJson.parse("lifetime", body, type))
        .isInstanceOf(PollException.class)
        .satisfies(e -> assertThat(((PollException) e).reason()).isEqualTo(FailureReason.PARSE))
        .hasMessageStartingWith("lifetime: ");
  }
}
