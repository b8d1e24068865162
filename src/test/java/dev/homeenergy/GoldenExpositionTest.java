package dev.homeenergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Reading;
import dev.homeenergy.core.Samples;
import dev.homeenergy.device.powerwall.PayloadFixtures;
import dev.homeenergy.device.sunpower.SunpowerFixtures;
import dev.homeenergy.device.tesla.TeslaCompatNaming;
import dev.homeenergy.device.tesla.TeslaNativeNaming;
import dev.homeenergy.device.tesla.TeslaPayloadFixtures;
import dev.homeenergy.device.tesla.TeslaReading;
import dev.homeenergy.device.tesla.TeslaResponses;
import dev.homeenergy.device.wallconnector.Captures;
import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.Promtool;
import dev.homeenergy.testing.TextDiff;
import dev.homeenergy.testing.TextExposition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exposition of every family under every naming, rendered from one fixed reading of the test
 * fixtures (no clock, no simulator), must equal its checked-in file {@code
 * src/test/resources/golden/<family>-<naming>.prom} byte for byte, so any change to a name, label,
 * type, HELP text, unit or value shows up in review as a diff of that file. Each file also goes
 * through {@code promtool check metrics}: native files must be lint-clean, compat files must parse
 * (their seed exporters' own names are kept even where promtool's lint objects).
 *
 * <p>After an intended change, regenerate the files and review their diff before committing:
 *
 * <pre>mvn -o -q test -Dtest=GoldenExpositionTest -Dgolden.update=true</pre>
 */
public class GoldenExpositionTest {
  static final String UPDATE_PROPERTY = "golden.update";
  static final Path DIRECTORY = Path.of("src/test/resources/golden");
  private static final String REGENERATE =
      "mvn -o -q test -Dtest=GoldenExpositionTest -D" + UPDATE_PROPERTY + "=true";

  /** One golden file: a family's fixed reading under one naming. */
  public record Golden(String name, boolean compat, Supplier<Samples> samples) {
    static <R extends Reading> Golden of(
        String name, boolean compat, Naming<R> naming, Supplier<R> reading, String device) {
      return new Golden(name, compat, () -> Samples.rendered(naming, reading.get(), device));
    }

    Path file() {
      return DIRECTORY.resolve(name + ".prom");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  public static Stream<Golden> goldens() {
    return Stream.of(
        Golden.of(
            "wallconnector-native",
            false,
            new dev.homeenergy.device.wallconnector.NativeNaming(),
            GoldenExpositionTest::wallConnector,
            "garage"),
        Golden.of(
            "wallconnector-compat",
            true,
            new dev.homeenergy.device.wallconnector.CompatNaming(),
            GoldenExpositionTest::wallConnector,
            "garage"),
        Golden.of(
            "powerwall-native",
            false,
            new dev.homeenergy.device.powerwall.NativeNaming(),
            PayloadFixtures::fw2144RunningWith,
            "home"),
        Golden.of(
            "powerwall-compat",
            true,
            new dev.homeenergy.device.powerwall.CompatNaming(),
            PayloadFixtures::fw2144RunningWith,
            "home"),
        Golden.of(
            "sunpower-native",
            false,
            new dev.homeenergy.device.sunpower.NativeNaming(false),
            GoldenExpositionTest::sunpower,
            "roof"),
        Golden.of(
            "sunpower-compat",
            true,
            new dev.homeenergy.device.sunpower.CompatNaming(false),
            GoldenExpositionTest::sunpower,
            "roof"),
        Golden.of(
            "tesla-native",
            false,
            new TeslaNativeNaming(false),
            GoldenExpositionTest::tesla,
            "tesla"),
        Golden.of(
            "tesla-native-fields-all",
            false,
            new TeslaNativeNaming(true),
            GoldenExpositionTest::tesla,
            "tesla"),
        Golden.of(
            "tesla-compat", true, new TeslaCompatNaming(), GoldenExpositionTest::tesla, "tesla"));
  }

  /** Unit A's firmware 25.34.1 lifetime, wifi and version with unit B charging at 40 A. */
  private static dev.homeenergy.device.wallconnector.WallConnectorReading wallConnector() {
    return Captures.reading(Captures.VITALS_CHARGING_40A);
  }

  /**
   * A full dl_cgi poll of a PVS with two meters and one inverter, with Get_Comm and GridProfileGet.
   */
  private static dev.homeenergy.device.sunpower.SunpowerReading sunpower() {
    return SunpowerFixtures.dlCgiFull("devicelist_2025_build61839_4devices.json");
  }

  /**
   * Two cars read and one asleep, one energy site, and Fleet API usage with a failed read counted.
   */
  private static TeslaReading tesla() {
    TeslaResponses fixture =
        TeslaPayloadFixtures.responses(
            Map.of(
                TeslaPayloadFixtures.HA_VIN,
                    Fixtures.text("tesla", TeslaPayloadFixtures.HA_VEHICLE_DATA),
                TeslaPayloadFixtures.DOCS_VIN,
                    Fixtures.text("tesla", TeslaPayloadFixtures.DOCS_VEHICLE_DATA)));
    TeslaResponses.FleetUsage usage = fixture.usage();
    return TeslaPayloadFixtures.parse(
        new TeslaResponses(
            fixture.at(),
            fixture.vehiclesBody(),
            fixture.productsBody(),
            fixture.vehicleData(),
            fixture.liveStatus(),
            fixture.siteInfo(),
            new TeslaResponses.FleetUsage(
                usage.requestsByKind(),
                usage.dollarsSpent(),
                usage.projectedMonthDollars(),
                usage.budgetDollars(),
                usage.rateLimitedUntil(),
                Map.of("vehicle_data_failed", 1L, "unexpected_error", 0L)),
            fixture.failures()));
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void expositionEqualsItsCheckedInFile(Golden golden) throws IOException {
    String actual = TextExposition.render(golden.samples().get().list());
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(DIRECTORY);
      Files.writeString(golden.file(), actual);
      return;
    }
    if (!Files.exists(golden.file())) {
      fail(golden.file() + " is missing; write it with: " + REGENERATE);
    }
    String expected = Files.readString(golden.file());
    if (!expected.equals(actual)) {
      String diff = TextDiff.unified(expected, actual);
      fail(
          """
          %s differs from what the naming renders now (- file, + now):
          %s
          If the change is intended, regenerate and review the files' diff: %s"""
              .formatted(
                  golden.file(), diff.isEmpty() ? "(only in line endings)\n" : diff, REGENERATE));
    }
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void checkedInFilePassesPromtool(Golden golden) throws Exception {
    String text = Files.readString(golden.file());

    Promtool.Result result = Promtool.checkMetrics(text);

    if (golden.compat()) {
      assertThat(result.exitCode()).as(golden.file() + ": " + result.output()).isIn(0, 3);
    } else {
      assertThat(result.output()).as(golden.file().toString()).isEmpty();
      assertThat(result.exitCode()).isZero();
    }
  }
}
