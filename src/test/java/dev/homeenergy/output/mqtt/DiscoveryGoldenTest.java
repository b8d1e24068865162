package dev.homeenergy.output.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeenergy.GoldenExpositionTest;
import dev.homeenergy.config.MetricFilter;
import dev.homeenergy.core.Sample;
import dev.homeenergy.testing.TextDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Home Assistant discovery messages and state JSON of every family's native golden reading must
 * equal its checked-in file {@code src/test/resources/golden/<family>-native.home-assistant.json},
 * so a change to an entity's class, unit, key or device shows up in review. The files were checked
 * by hand against Home Assistant's MQTT discovery documentation (sensor and binary_sensor fields,
 * device classes with their units and state classes, the device and origin blocks).
 *
 * <pre>mvn -o -q test -Dtest=DiscoveryGoldenTest -Dgolden.update=true</pre>
 */
class DiscoveryGoldenTest {
  private static final Path DIRECTORY = Path.of("src/test/resources/golden");

  static Stream<GoldenExpositionTest.Golden> natives() {
    return GoldenExpositionTest.goldens()
        .filter(golden -> !golden.compat() && !golden.name().endsWith("fields-all"));
  }

  @ParameterizedTest
  @MethodSource("natives")
  void discoveryAndStateEqualTheCheckedInFile(GoldenExpositionTest.Golden golden)
      throws IOException {
    List<Sample> samples = golden.samples().get().list();
    String device = samples.get(0).labels().get("device");
    DeviceView view = DeviceView.of(device, "Family " + golden.name(), samples, MetricFilter.ALL);
    Discovery discovery = new Discovery(new Topics("home-energy", "homeassistant"), "1.0.0", 1);
    ObjectNode out = Discovery.JSON.createObjectNode();
    out.set("state", Discovery.JSON.valueToTree(view.state()));
    ObjectNode configs = out.putObject("discovery");
    for (Map.Entry<String, String> message : discovery.messages(device, view).entrySet()) {
      configs.set(message.getKey(), Discovery.JSON.readTree(message.getValue()));
    }
    String actual =
        Discovery.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out)
            + "\n";
    Path file = DIRECTORY.resolve(golden.name() + ".home-assistant.json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, actual);
      return;
    }
    if (!Files.exists(file)) {
      fail(file + " is missing; write it with -Dgolden.update=true and review it");
    }
    String expected = Files.readString(file);
    if (!expected.equals(actual)) {
      fail(file + " differs (- file, + now):\n" + TextDiff.unified(expected, actual));
    }
    assertThat(view.entities()).isNotEmpty();
  }
}
