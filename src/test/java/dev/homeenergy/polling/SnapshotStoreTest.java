package dev.homeenergy.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.testing.FakeFamily;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotStoreTest {
  private static DeviceConfig device(String name, Duration interval) {
    return FakeFamily.device(name, interval, Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  private static void failOnce(SnapshotStore store, String name) {
    store.update(
        name, s -> s.failed(Instant.EPOCH, Duration.ZERO, FailureReason.CONNECT, "refused"));
  }

  @Test
  void replacingTheDevicesKeepsTheUnchangedOnesAndStartsTheOthersAfresh() {
    DeviceConfig kept = device("kept", Duration.ofSeconds(10));
    SnapshotStore store =
        new SnapshotStore(
            List.of(
                kept,
                device("moved", Duration.ofSeconds(10)),
                device("gone", Duration.ofSeconds(10))));
    failOnce(store, "kept");
    failOnce(store, "moved");
    RawLog keptRaw = store.raw("kept");
    RawLog movedRaw = store.raw("moved");
    RawLog addedRaw = new RawLog();
    long version = store.version();

    DeviceConfig moved = device("moved", Duration.ofSeconds(20));
    store.replaceDevices(
        List.of(device("added", Duration.ofSeconds(10)), moved, kept), Map.of("added", addedRaw));

    assertThat(store.version()).isGreaterThan(version);
    assertThat(store.devices())
        .extracting(DeviceConfig::name)
        .containsExactly("added", "moved", "kept");
    assertThat(store.get("kept").orElseThrow().polls()).isEqualTo(1);
    assertThat(store.raw("kept")).isSameAs(keptRaw);
    assertThat(store.get("moved").orElseThrow().polls()).isZero();
    assertThat(store.get("moved").orElseThrow().config()).isEqualTo(moved);
    assertThat(store.raw("moved")).isNotSameAs(movedRaw);
    assertThat(store.raw("added")).isSameAs(addedRaw);
    assertThat(store.get("gone")).isEmpty();
    assertThatThrownBy(() -> failOnce(store, "gone")).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.allPolledOnce()).isFalse();
  }
}
