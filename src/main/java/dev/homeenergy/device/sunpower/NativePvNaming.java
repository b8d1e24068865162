package dev.homeenergy.device.sunpower;

import static dev.homeenergy.device.sunpower.NativeNaming.JOULES_PER_KWH;
import static dev.homeenergy.device.sunpower.NativeNaming.P;
import static dev.homeenergy.device.sunpower.NativeNaming.WATTS_PER_KW;

import dev.homeenergy.core.MetricFamily;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * Native meter and inverter families (see {@link NativeNaming}); labels as the Python exporter's
 * plus {@code device}.
 */
final class NativePvNaming {
  static final MetricFamily METER_CT =
      MetricFamily.gauge(
          P + "power_meter_ct_rated_current_amperes",
          "amperes",
          "Rated current of the CT (ct_scl_fctr).");
  static final MetricFamily METER_FREQ =
      MetricFamily.gauge(P + "power_meter_ac_frequency_hertz", "hertz", "AC frequency (freq_hz).");
  static final MetricFamily METER_P =
      MetricFamily.gauge(
          P + "power_meter_average_real_power_watts",
          "watts",
          "Real power, kW x 1000; negative on a net meter while exporting (p_3phsum_kw).");
  static final MetricFamily METER_Q =
      MetricFamily.gauge(
          P + "power_meter_average_reactive_power_volt_amperes_reactive",
          "volt_amperes_reactive",
          "Reactive power, kvar x 1000 (q_3phsum_kvar).");
  static final MetricFamily METER_S =
      MetricFamily.gauge(
          P + "power_meter_average_apparent_power_volt_amperes",
          "volt_amperes",
          "Apparent power, kVA x 1000 (s_3phsum_kva).");
  static final MetricFamily METER_PF =
      MetricFamily.gauge(
          P + "power_meter_power_factor_ratio",
          "ratio",
          "Power factor, real / apparent power, -1..1 (tot_pf_rto).");
  static final MetricFamily METER_NET =
      MetricFamily.gauge(
          P + "power_meter_net_energy_joules",
          "joules",
          "Lifetime net energy, imported minus exported, kWh x 3.6e6; can fall (net_ltea_3phsum_kwh).");
  static final MetricFamily METER_IMPORTED =
      MetricFamily.counter(
          P + "power_meter_imported_energy_joules",
          "joules",
          "Lifetime energy imported from the grid, kWh x 3.6e6 (pos_ltea_3phsum_kwh).");
  static final MetricFamily METER_EXPORTED =
      MetricFamily.counter(
          P + "power_meter_exported_energy_joules",
          "joules",
          "Lifetime energy exported to the grid, kWh x 3.6e6 (neg_ltea_3phsum_kwh).");
  static final MetricFamily METER_CURRENT =
      MetricFamily.gauge(
          P + "power_meter_current_amperes", "amperes", "Current (i_a; production meters).");
  static final MetricFamily METER_LINE_VOLTAGE =
      MetricFamily.gauge(
          P + "power_meter_line_voltage_volts", "volts", "Line-to-line voltage, L1 to L2 (v12_v).");
  static final MetricFamily METER_LEG_CURRENT =
      MetricFamily.gauge(
          P + "power_meter_leg_current_amperes",
          "amperes",
          "Current per leg in label leg (i1_a, i2_a).");
  static final MetricFamily METER_LEG_VOLTAGE =
      MetricFamily.gauge(
          P + "power_meter_leg_voltage_volts",
          "volts",
          "Leg-to-neutral voltage per leg in label leg (v1n_v, v2n_v).");
  static final MetricFamily METER_LEG_POWER =
      MetricFamily.gauge(
          P + "power_meter_leg_real_power_watts",
          "watts",
          "Real power per leg in label leg, kW x 1000 (p1_kw, p2_kw).");

  static final MetricFamily INV_AC_CURRENT =
      MetricFamily.gauge(P + "inverter_ac_current_amperes", "amperes", "AC current (i_3phsum_a).");
  static final MetricFamily INV_AC_POWER =
      MetricFamily.gauge(
          P + "inverter_ac_power_watts", "watts", "AC power, kW x 1000 (p_3phsum_kw).");
  static final MetricFamily INV_AC_VOLTAGE =
      MetricFamily.gauge(P + "inverter_ac_voltage_volts", "volts", "AC voltage (vln_3phavg_v).");
  static final MetricFamily INV_DC_CURRENT =
      MetricFamily.gauge(P + "inverter_dc_current_amperes", "amperes", "DC current (i_mppt1_a).");
  static final MetricFamily INV_DC_POWER =
      MetricFamily.gauge(
          P + "inverter_dc_power_watts",
          "watts",
          "DC power, kW x 1000 (p_mppt1_kw; before 2023 p_mpptsum_kw).");
  static final MetricFamily INV_DC_VOLTAGE =
      MetricFamily.gauge(P + "inverter_dc_voltage_volts", "volts", "DC voltage (v_mppt1_v).");
  static final MetricFamily INV_FREQ =
      MetricFamily.gauge(
          P + "inverter_operating_frequency_hertz", "hertz", "AC frequency (freq_hz).");
  static final MetricFamily INV_ENERGY =
      MetricFamily.counter(
          P + "inverter_energy_joules",
          "joules",
          "Lifetime energy produced, kWh x 3.6e6 (ltea_3phsum_kwh).");
  static final MetricFamily INV_HEATSINK =
      MetricFamily.gauge(
          P + "inverter_heatsink_temperature_celsius",
          "celsius",
          "Heatsink temperature (t_htsnk_degc).");

  private NativePvNaming() {}

  static void meter(PowerMeter m, Labels device, TimedSamples out) {
    DeviceIdentity id = m.id();
    Labels l = device.merge(CompatNaming.meterLabels(m));
    Long t = id.dataTimeMillis();
    out.addScaled(METER_CT, l, m.ctSclFctr(), 1, t);
    out.addScaled(METER_FREQ, l, m.freqHz(), 1, t);
    out.addScaled(METER_P, l, m.p3phsumKw(), WATTS_PER_KW, t);
    out.addScaled(METER_Q, l, m.q3phsumKvar(), WATTS_PER_KW, t);
    out.addScaled(METER_S, l, m.s3phsumKva(), WATTS_PER_KW, t);
    out.addScaled(METER_PF, l, m.totPfRto(), 1, t);
    out.addScaled(METER_NET, l, m.netLtea3phsumKwh(), JOULES_PER_KWH, t);
    out.addScaled(METER_IMPORTED, l, m.posLtea3phsumKwh(), JOULES_PER_KWH, t);
    out.addScaled(METER_EXPORTED, l, m.negLtea3phsumKwh(), JOULES_PER_KWH, t);
    out.addScaled(METER_CURRENT, l, m.iA(), 1, t);
    out.addScaled(METER_LINE_VOLTAGE, l, m.v12V(), 1, t);
    Labels leg1 = l.add("leg", "1");
    Labels leg2 = l.add("leg", "2");
    out.addScaled(METER_LEG_CURRENT, leg1, m.i1A(), 1, t);
    out.addScaled(METER_LEG_CURRENT, leg2, m.i2A(), 1, t);
    out.addScaled(METER_LEG_VOLTAGE, leg1, m.v1nV(), 1, t);
    out.addScaled(METER_LEG_VOLTAGE, leg2, m.v2nV(), 1, t);
    out.addScaled(METER_LEG_POWER, leg1, m.p1Kw(), WATTS_PER_KW, t);
    out.addScaled(METER_LEG_POWER, leg2, m.p2Kw(), WATTS_PER_KW, t);
  }

  static void inverter(Inverter i, Labels device, TimedSamples out) {
    DeviceIdentity id = i.id();
    Labels l =
        device.merge(
            Labels.of(
                "device_id",
                id.serial(),
                "description",
                id.description(),
                "type",
                id.type(),
                "model",
                id.model(),
                "module_id",
                i.moduleId(),
                "port",
                id.port(),
                "software_version",
                id.softwareVersion()));
    Long t = id.dataTimeMillis();
    out.addScaled(INV_AC_CURRENT, l, i.i3phsumA(), 1, t);
    out.addScaled(INV_AC_POWER, l, i.p3phsumKw(), WATTS_PER_KW, t);
    out.addScaled(INV_AC_VOLTAGE, l, i.vln3phavgV(), 1, t);
    out.addScaled(INV_DC_CURRENT, l, i.iMppt1A(), 1, t);
    out.addScaled(INV_DC_POWER, l, i.dcPowerKw(), WATTS_PER_KW, t);
    out.addScaled(INV_DC_VOLTAGE, l, i.vMppt1V(), 1, t);
    out.addScaled(INV_FREQ, l, i.freqHz(), 1, t);
    out.addScaled(INV_ENERGY, l, i.ltea3phsumKwh(), JOULES_PER_KWH, t);
    out.addScaled(INV_HEATSINK, l, i.tHtsnkDegc(), 1, t);
  }
}
