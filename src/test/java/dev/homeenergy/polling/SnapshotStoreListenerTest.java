package dev.homeenergy.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.core.Samples;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotStoreListenerTest {
  private static final DeviceConfig DEVICE =
      new DeviceConfig(
          "garage",
          "fake",
          URI.create("http://192.0.2.1:80"),
          Duration.ofSeconds(10),
          Duration.ofSeconds(5),
          Duration.ofSeconds(50),
          NamingStyle.NATIVE,
          Map.of());

  @Test
  void theListenerHearsOfEveryUpdateAfterTheStoreHoldsIt() {
    List<DeviceStatus> heard = new ArrayList<>();
    List<Boolean> storedFirst = new ArrayList<>();
    SnapshotStore[] store = new SnapshotStore[1];
    store[0] =
        new SnapshotStore(
            List.of(DEVICE),
            status -> {
              heard.add(status);
              storedFirst.add(store[0].get("garage").orElseThrow() == status);
            });
    Instant at = Instant.parse("2026-12-03T12:00:00Z");

    DeviceStatus ok =
        store[0].update("garage", s -> s.succeeded(at, Duration.ofMillis(5), Samples.empty()));
    DeviceStatus failed =
        store[0].update(
            "garage",
            s ->
                s.failed(
                    at.plusSeconds(10),
                    Duration.ofMillis(5),
                    dev.homeenergy.core.FailureReason.TIMEOUT,
                    "timed out"));

    assertThat(heard).containsExactly(ok, failed);
    assertThat(storedFirst).containsExactly(true, true);
  }

  @Test
  void aDeviceAReloadDropsIsToldToTheListenerAndOnlyThatOne() {
    List<String> removed = new ArrayList<>();
    DeviceConfig roof =
        new DeviceConfig(
            "roof",
            "fake",
            URI.create("http://192.0.2.2:80"),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            Duration.ofSeconds(50),
            NamingStyle.NATIVE,
            Map.of());
    SnapshotStore store =
        new SnapshotStore(
            List.of(DEVICE, roof),
            new StatusListener() {
              @Override
              public void changed(DeviceStatus status) {}

              @Override
              public void removed(String deviceName) {
                removed.add(deviceName);
              }
            });

    store.replaceDevices(List.of(DEVICE), Map.of());

    assertThat(removed).containsExactly("roof");
    assertThat(store.get("roof")).isEmpty();
  }
}
