package dev.homeenergy.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceChangesTest {
  private static DeviceConfig device(String name, String address, Map<String, Object> extra) {
    return new DeviceConfig(
        name,
        "fake",
        URI.create(address),
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        Duration.ofSeconds(50),
        NamingStyle.NATIVE,
        extra);
  }

  private static DeviceConfig device(String name) {
    return device(name, "http://192.0.2.1", Map.of());
  }

  private static List<String> names(List<DeviceConfig> devices) {
    return devices.stream().map(DeviceConfig::name).toList();
  }

  @Test
  void sortsEveryDeviceIntoAddedRemovedChangedOrUnchanged() {
    DeviceConfig kept = device("kept");
    DeviceConfig moved = device("moved", "http://192.0.2.1", Map.of());
    List<DeviceConfig> before = List.of(kept, device("gone"), moved, device("also-gone"));
    List<DeviceConfig> after =
        List.of(
            device("new"),
            device("moved", "http://192.0.2.99", Map.of()),
            device("kept"),
            device("newer"));

    DeviceChanges changes = DeviceChanges.between(before, after);

    assertThat(names(changes.added())).containsExactly("new", "newer");
    assertThat(names(changes.removed())).containsExactly("gone", "also-gone");
    assertThat(names(changes.changed())).containsExactly("moved");
    assertThat(changes.changed().get(0).address()).hasToString("http://192.0.2.99");
    assertThat(names(changes.unchanged())).containsExactly("kept");
    assertThat(names(changes.starting())).containsExactly("new", "newer", "moved");
    assertThat(changes.none()).isFalse();
    assertThat(changes.summary())
        .isEqualTo(
            "added [new, newer], removed [gone, also-gone], changed [moved], unchanged [kept]");
  }

  @Test
  void anyDifferenceInTheEffectiveConfigIsAChange() {
    DeviceConfig base = device("d");
    List<DeviceConfig> variants =
        List.of(
            new DeviceConfig(
                "d",
                "other",
                base.address(),
                base.interval(),
                base.timeout(),
                base.staleAfter(),
                base.naming(),
                base.extra()),
            new DeviceConfig(
                "d",
                base.type(),
                base.address(),
                Duration.ofSeconds(11),
                base.timeout(),
                base.staleAfter(),
                base.naming(),
                base.extra()),
            new DeviceConfig(
                "d",
                base.type(),
                base.address(),
                base.interval(),
                Duration.ofSeconds(4),
                base.staleAfter(),
                base.naming(),
                base.extra()),
            new DeviceConfig(
                "d",
                base.type(),
                base.address(),
                base.interval(),
                base.timeout(),
                Duration.ofSeconds(60),
                base.naming(),
                base.extra()),
            base.withNaming(NamingStyle.COMPAT),
            device("d", "http://192.0.2.1", Map.of("password", new Secret("new"))));

    for (DeviceConfig variant : variants) {
      DeviceChanges changes = DeviceChanges.between(List.of(base), List.of(variant));
      assertThat(names(changes.changed())).as(variant.toString()).containsExactly("d");
      assertThat(changes.unchanged()).isEmpty();
    }
  }

  @Test
  void aSecretWithTheSameValueFromAnotherPlaceIsUnchangedAndAnotherValueIsAChange() {
    DeviceConfig inline = device("pw", "https://192.0.2.2", Map.of("password", new Secret("s3")));
    DeviceConfig fromFile =
        device(
            "pw",
            "https://192.0.2.2",
            Map.of("password", new Secret("s3", Path.of("/run/secrets/pw"))));
    DeviceConfig rotated =
        device(
            "pw",
            "https://192.0.2.2",
            Map.of("password", new Secret("s4", Path.of("/run/secrets/pw"))));

    assertThat(names(DeviceChanges.between(List.of(inline), List.of(fromFile)).unchanged()))
        .containsExactly("pw");
    assertThat(names(DeviceChanges.between(List.of(fromFile), List.of(rotated)).changed()))
        .containsExactly("pw");
  }

  @Test
  void theSameListIsNoChangeWhateverItsOrder() {
    List<DeviceConfig> devices = List.of(device("a"), device("b"));

    DeviceChanges changes = DeviceChanges.between(devices, List.of(device("b"), device("a")));

    assertThat(changes.none()).isTrue();
    assertThat(names(changes.unchanged())).containsExactly("b", "a");
    assertThat(changes.summary()).isEqualTo("unchanged [b, a]");
  }
}
