package dev.homeenergy.device.sunpower;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.Highlights;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The parsed reading of one PVS poll: one device model whichever API it came from, with DeviceList
 * field names as the vocabulary (see {@link VarsFields} for how vars maps onto it).
 *
 * @param api the API the reading came from
 * @param supervisor the PVS itself, or null when the body had none
 * @param meters power meters in list order
 * @param inverters inverters in list order
 * @param storageDevices every other device (ESS, BMS, battery, storage inverter, hub, gateway, PV
 *     disconnect, transfer switch) in list order
 * @param interfaces {@code Get_Comm} interfaces; empty when not read or unusable
 * @param gridProfile {@code GridProfileGet}, or null when not read or unusable
 * @param liveData vars {@code /sys/livedata/} site totals, or null (always null on dl_cgi)
 * @param endpointFailures endpoints that failed on their own, including a bad Get_Comm or
 *     GridProfileGet body
 */
public record SunpowerReading(
    SunpowerApi api,
    Supervisor supervisor,
    List<PowerMeter> meters,
    List<Inverter> inverters,
    List<StorageDevice> storageDevices,
    List<CommInterface> interfaces,
    GridProfile gridProfile,
    LiveData liveData,
    List<EndpointFailure> endpointFailures)
    implements Reading {

  /** Endpoint name of {@code Command=Get_Comm} in endpoint failures. */
  public static final String GET_COMM = "Get_Comm";

  /** Endpoint name of {@code Command=GridProfileGet} in endpoint failures. */
  public static final String GRID_PROFILE_GET = "GridProfileGet";

  public SunpowerReading {
    meters = List.copyOf(meters);
    inverters = List.copyOf(inverters);
    storageDevices = List.copyOf(storageDevices);
    interfaces = List.copyOf(interfaces);
    endpointFailures = List.copyOf(endpointFailures);
  }

  /**
   * Parses the bodies of one poll.
   *
   * @throws PollException with reason {@code parse} when the main body (DeviceList, or the vars
   *     device data) is unusable; a bad Get_Comm or GridProfileGet body only adds an endpoint
   *     failure
   */
  public static SunpowerReading parse(SunpowerResponses responses) throws PollException {
    List<EndpointFailure> failures = new ArrayList<>(responses.failures());
    DeviceFields devices = new DeviceFields();
    LiveData liveData = null;
    if (responses.api() == SunpowerApi.VARS) {
      VarsFields vars = VarsFields.of(responses.vars());
      vars.addDevices(responses.supervisorInfo(), devices);
      liveData = vars.liveData();
    } else {
      JsonNode list = SunpowerJson.object("device_list", responses.deviceList()).get("devices");
      if (list == null || !list.isArray()) {
        throw new PollException(FailureReason.PARSE, "device_list: no devices array");
      }
      for (JsonNode device : list) {
        if (device.isObject()) {
          devices.add(
              SunpowerJson.scalars(device),
              SunpowerJson.dataTime(SunpowerJson.text(device, "DATATIME")));
        }
      }
    }
    List<CommInterface> interfaces =
        responses.comm() == null ? List.of() : interfaces(responses.comm(), failures);
    GridProfile gridProfile =
        responses.gridProfile() == null ? null : gridProfile(responses.gridProfile(), failures);
    return new SunpowerReading(
        responses.api(),
        devices.supervisor(),
        devices.meters(),
        devices.inverters(),
        devices.storage(),
        interfaces,
        gridProfile,
        liveData,
        failures);
  }

  /**
   * Solar production (the vars live data, else the inverters' AC power), and from the vars live
   * data the site load, the grid, and the battery when one is installed, for the summary.
   */
  @Override
  public Highlights highlights() {
    Double pvKw = solarKw();
    Highlights.Builder out = Highlights.builder().solarWatts(pvKw == null ? null : pvKw * 1000);
    if (liveData != null) {
      out.loadWatts(watts(liveData.loadKw()))
          .gridWatts(watts(liveData.netKw()))
          .batteryWatts(watts(liveData.storageKw()))
          .batteryPercent(liveData.soc() == null ? null : liveData.soc() * 100);
    }
    return out.build();
  }

  private static Double watts(Double kw) {
    return kw == null ? null : kw * 1000;
  }

  private Double solarKw() {
    Double pvKw = liveData == null ? null : liveData.pvKw();
    if (pvKw == null) {
      List<Double> ac =
          inverters.stream().map(Inverter::p3phsumKw).filter(Objects::nonNull).toList();
      pvKw = ac.isEmpty() ? null : ac.stream().mapToDouble(Double::doubleValue).sum();
    }
    return pvKw;
  }

  /**
   * Solar production and device counts, for the status page: the vars live data when present,
   * otherwise the sum of the inverters' AC power.
   */
  @Override
  public Optional<String> summary() {
    Double pvKw = solarKw();
    StringBuilder s = new StringBuilder();
    if (pvKw != null) {
      s.append(String.format(Locale.ROOT, "solar %.2f kW, ", pvKw));
    }
    s.append(inverters.size())
        .append(inverters.size() == 1 ? " inverter, " : " inverters, ")
        .append(meters.size())
        .append(meters.size() == 1 ? " meter" : " meters");
    if (liveData != null && liveData.soc() != null) {
      s.append(String.format(Locale.ROOT, ", battery %.0f %%", liveData.soc() * 100));
    }
    return Optional.of(s.toString());
  }

  /** Every device, the supervisor first, then meters, inverters and the others. */
  public List<DeviceIdentity> devices() {
    return Stream.of(
            Stream.ofNullable(supervisor).map(Supervisor::id),
            meters.stream().map(PowerMeter::id),
            inverters.stream().map(Inverter::id),
            storageDevices.stream().map(StorageDevice::id))
        .flatMap(s -> s)
        .toList();
  }

  private static List<CommInterface> interfaces(String body, List<EndpointFailure> failures) {
    try {
      JsonNode list = SunpowerJson.object(GET_COMM, body).path("networkstatus").path("interfaces");
      if (!list.isArray()) {
        throw new PollException(
            FailureReason.PARSE, GET_COMM + ": no networkstatus.interfaces array");
      }
      List<CommInterface> interfaces = new ArrayList<>();
      for (JsonNode i : list) {
        if (i.isObject()) {
          interfaces.add(
              new CommInterface(
                  SunpowerJson.text(i, "interface"),
                  SunpowerJson.text(i, "internet"),
                  SunpowerJson.text(i, "sms")));
        }
      }
      return interfaces;
    } catch (PollException e) {
      failures.add(new EndpointFailure(GET_COMM, e.reason(), e.getMessage()));
      return List.of();
    }
  }

  private static GridProfile gridProfile(String body, List<EndpointFailure> failures) {
    try {
      JsonNode g = SunpowerJson.object(GRID_PROFILE_GET, body);
      if (!g.hasNonNull("active_id")) {
        String msg = SunpowerJson.text(g, "msg");
        throw new PollException(
            FailureReason.PARSE,
            GRID_PROFILE_GET + ": no active_id" + (msg.isEmpty() ? "" : " (" + msg + ")"));
      }
      return new GridProfile(
          SunpowerJson.text(g, "active_id"),
          SunpowerJson.text(g, "active_name"),
          SunpowerJson.text(g, "percent"),
          SunpowerJson.text(g, "status"));
    } catch (PollException e) {
      failures.add(new EndpointFailure(GRID_PROFILE_GET, e.reason(), e.getMessage()));
      return null;
    }
  }
}
