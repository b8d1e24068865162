package dev.homeenergy.device.sunpower;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.testing.Promtool;
import dev.homeenergy.testing.RenderedSamples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both namings' expositions through {@code promtool check metrics}; skipped without promtool. */
class SunpowerNamingPromtoolIT {

  @Test
  void nativeExpositionIsLintClean() throws Exception {
    List<dev.homeenergy.core.Sample> samples =
        new ArrayList<>(
            RenderedSamples.render(
                    new NativeNaming(false),
                    SunpowerFixtures.dlCgiFull("devicelist_ess_devices.json"),
                    "dl")
                .list());
    samples.addAll(
        RenderedSamples.render(new NativeNaming(false), SunpowerVarsTest.withEss(), "vars").list());

    Promtool.Result result = Promtool.checkMetrics(new RenderedSamples(samples).text());

    assertThat(result.problems()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void compatExpositionHasOnlyThePythonExportersOwnLintProblems() throws Exception {
    Promtool.Result result =
        Promtool.checkMetrics(
            RenderedSamples.render(
                    new CompatNaming(false),
                    SunpowerFixtures.dlCgiFull("devicelist_2019_build4150.json"),
                    "pvs")
                .text());

    assertThat(result.problems())
        .containsExactlyInAnyOrder(
            "sunpower_pvs_inverter_energy_total_watt_hours use base unit \"seconds\" instead of \"hours\"",
            "sunpower_pvs_power_meter_net_energy_watt_hours use base unit \"seconds\" instead of \"hours\"");
    assertThat(result.exitCode()).isEqualTo(3);
  }
}
