package dev.homeenergy.output.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.MetricFilter;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Sample;
import dev.homeenergy.core.Samples;
import dev.homeenergy.polling.DeviceStatus;
import io.prometheus.metrics.model.snapshots.Labels;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceTrackTest {
  private static final DeviceConfig DEVICE =
      new DeviceConfig(
          "garage",
          "wallconnector",
          URI.create("http://192.0.2.1:80"),
          Duration.ofSeconds(10),
          Duration.ofSeconds(5),
          Duration.ofSeconds(50),
          NamingStyle.NATIVE,
          Map.of());
  private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
  private static final MetricFamily STATE =
      MetricFamily.gauge("x_evse_state", "EVSE state; the state label is its name.");

  @Test
  void theStateIsSentAtMostOncePerMinInterval() {
    DeviceTrack track = new DeviceTrack(DEVICE);
    track.offerState("{\"a\":1}");
    assertThat(track.stateDue(T0, Duration.ofSeconds(10))).isTrue();
    track.stateSent("{\"a\":1}", T0);

    track.offerState("{\"a\":2}");

    assertThat(track.stateDue(T0.plusSeconds(9), Duration.ofSeconds(10))).isFalse();
    assertThat(track.stateDue(T0.plusSeconds(10), Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void anUnchangedStateIsNotSentAgain() {
    DeviceTrack track = new DeviceTrack(DEVICE);
    track.offerState("{\"a\":1}");
    track.stateSent("{\"a\":1}", T0);

    track.offerState("{\"a\":1}");

    assertThat(track.stateDue(T0.plusSeconds(60), Duration.ofSeconds(10))).isFalse();
  }

  @Test
  void discoveryIsSentWhenNewOrChangedAndRemovedOnlyAfterStaleAfter() {
    DeviceTrack track = new DeviceTrack(DEVICE);
    track.latest(DeviceStatus.initial(DEVICE));
    assertThat(track.offerDiscovery(Map.of("a/config", "A", "b/config", "B"), T0))
        .containsOnlyKeys("a/config", "b/config");

    assertThat(track.offerDiscovery(Map.of("a/config", "A2"), T0.plusSeconds(10)))
        .as("only a changed; b missing for less than stale_after")
        .containsExactly(Map.entry("a/config", "A2"));
    assertThat(track.offerDiscovery(Map.of("a/config", "A2"), T0.plusSeconds(51)))
        .as("b gone for longer than stale_after is removed with an empty payload")
        .containsExactly(Map.entry("b/config", ""));
    assertThat(track.discovery()).containsOnlyKeys("a/config");
  }

  @Test
  void discoveryStaysUnsentUntilTheBrokerTakesItAndAReconnectSendsItAllAgain() {
    DeviceTrack track = new DeviceTrack(DEVICE);
    track.latest(DeviceStatus.initial(DEVICE));
    track.offerDiscovery(Map.of("a/config", "A", "b/config", "B"), T0);
    track.discoverySent("a/config", "A");
    assertThat(track.unsentDiscovery()).containsOnlyKeys("b/config");

    track.offerDiscovery(Map.of("a/config", "A"), T0.plusSeconds(51));
    assertThat(track.unsentDiscovery())
        .as("b's removal replaces its unsent config")
        .containsEntry("b/config", "");

    track.forgetSent();
    assertThat(track.unsentDiscovery())
        .containsEntry("a/config", "A")
        .containsEntry("b/config", "")
        .hasSize(2);
  }

  @Test
  void anAnnouncedEntityMissingFromAReadingKeepsItsKeyAsNull() {
    DeviceTrack track = new DeviceTrack(DEVICE);
    track.latest(DeviceStatus.initial(DEVICE));
    track.offerDiscovery(
        Map.of("ha/sensor/garage/power/config", "P", "ha/sensor/garage/energy/config", "E"), T0);

    Map<String, Object> state = track.withAnnouncedKeys(Map.of("power", 5));

    assertThat(state).containsEntry("power", 5).containsEntry("energy", null).hasSize(2);
  }

  @Test
  void availabilityFollowsUpAndStaleness() {
    DeviceTrack track = new DeviceTrack(DEVICE);
    DeviceStatus ok = DeviceStatus.initial(DEVICE).succeeded(T0, Duration.ZERO, Samples.empty());
    track.latest(ok);
    assertThat(track.available(T0.plusSeconds(50))).isTrue();
    assertThat(track.available(T0.plusSeconds(51))).as("stale").isFalse();

    track.latest(ok.failed(T0.plusSeconds(10), Duration.ZERO, FailureReason.TIMEOUT, "timeout"));
    assertThat(track.available(T0.plusSeconds(11))).as("down").isFalse();
  }

  @Test
  void anEnumKeepsEveryStateSeenSoItsOptionsOnlyGrow() {
    DeviceTrack track = new DeviceTrack(DEVICE);
    DeviceView first = view("charging");
    DeviceView second = view("idle");

    track.withOptionsSeen(first);
    DeviceView grown = track.withOptionsSeen(second);

    assertThat(grown.entities().get(0).options()).containsExactly("charging", "idle");
    assertThat(grown.state()).containsEntry("x_evse_state", "idle");
  }

  private static DeviceView view(String state) {
    return DeviceView.of(
        "garage",
        "Wall Connector",
        List.of(new Sample(STATE, Labels.of("device", "garage", "state", state), 11)),
        MetricFilter.ALL);
  }
}
