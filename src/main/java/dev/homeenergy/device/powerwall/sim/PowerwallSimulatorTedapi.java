package dev.homeenergy.device.powerwall.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import dev.homeenergy.device.powerwall.TedapiProto;
import dev.homeenergy.device.powerwall.TedapiProto.Envelope;
import dev.homeenergy.device.powerwall.TedapiProto.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * The simulated gateway's installer API (TEDAPI) on the same HTTPS port: Basic auth with the
 * gateway password, {@code /tedapi/din}, {@code /tedapi/v1} (config.json, system info and signed
 * queries) and a follower Powerwall 3 behind {@code /tedapi/device/<din>/v1}. Answers start from
 * the captures beside this class (see their README) and move with the simulated solar day: string
 * voltages and currents (each string its own share of its inverter's power, {@link
 * SimulatedStrings}), inverter AC power, pack energy, meter powers, a Tesla Remote Meter on the
 * site, and an alert that is raised at night and cleared while the strings produce (none of the
 * component alerts on a {@link GatewayScenario#componentAlerts() healthy} site). A signed query is
 * run only when its signature is one of the captured ones, unless the {@code rotated_keys} fault
 * rejects them all.
 */
final class PowerwallSimulatorTedapi {
  /** The simulated sticker password; the customer password is its last five characters. */
  static final String GATEWAY_PASSWORD = "SIMGW4X7QZ";

  static final String FOLLOWER_DIN = "1707000-30-L--TG12520300FW1";

  /** The Tesla Remote Meter the TEDAPI scenarios add to their site. */
  static final String REMOTE_METER_DIN = "1622423-00-B--TG1234567RM1";

  static final String NIGHT_ALERT = "PCH_a054_pwsDisabledMpptEnableLine";

  /** Solar power above which the simulated strings count as producing. */
  static final double PRODUCING_W = 50;

  /** Share of the DC power an inverter delivers as AC (and the reverse when it charges). */
  private static final double INVERTER_EFFICIENCY = 0.97;

  private static final String USER = "Tesla_Energy_Device";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORBIDDEN =
      "{\"code\":403,\"error\":\"Unable to GET to resource\","
          + "\"message\":\"User does not have adequate access rights\"}";
  private static final List<String> PW3_STRINGS = List.of("A", "B", "C", "D", "E", "F");
  private static final List<String> PVAC_STRINGS = List.of("A", "B", "C", "D");

  private final GatewayScenario scenario;
  private final Supplier<SolarDaySnapshot> snapshot;
  private final Supplier<Set<PowerwallSimulatorFault>> faults;
  private final boolean gzip;
  private final String din;
  private final ObjectNode config;
  private final ObjectNode status;
  private final ObjectNode components;
  private final Set<ByteString> signatures = new HashSet<>();
  private volatile String password = GATEWAY_PASSWORD;

  PowerwallSimulatorTedapi(
      GatewayScenario scenario,
      Supplier<SolarDaySnapshot> snapshot,
      Supplier<Set<PowerwallSimulatorFault>> faults) {
    this.scenario = scenario;
    this.snapshot = snapshot;
    this.faults = faults;
    boolean pw3 = scenario.powerwall3();
    this.gzip = pw3;
    this.config = (ObjectNode) read(pw3 ? "pw3_config" : "pw2_config_SYNTHETIC");
    this.status = (ObjectNode) read(pw3 ? "pw3_status_basic" : "pw2_status_SYNTHETIC");
    this.components = pw3 ? (ObjectNode) read("pw3_components") : null;
    this.din = config.path("vin").asText();
    if (pw3) {
      ObjectNode follower = ((ArrayNode) config.path("battery_blocks")).addObject();
      follower.put("vin", FOLLOWER_DIN).put("type", "Powerwall3").putArray("battery_expansions");
    }
    ObjectNode remote = ((ArrayNode) config.path("meters")).addObject();
    remote.put("location", "site").put("type", "trm_mb");
    remote.putArray("cts").add(true).add(!pw3).add(false).add(false);
    remote
        .putObject("connection")
        .put("short_id", REMOTE_METER_DIN)
        .put("device_serial", REMOTE_METER_DIN);
    for (String set : List.of("V2024_06", "V2026_06")) {
      JsonNode queries = readQuerySet(set);
      queries.forEach(
          q ->
              signatures.add(
                  ByteString.copyFrom(HexFormat.of().parseHex(q.path("code").asText()))));
    }
  }

  /** The leader's DIN, which {@code /tedapi/din} answers. */
  String din() {
    return din;
  }

  void setPassword(String password) {
    this.password = password;
  }

  /** Answers a {@code /tedapi/...} request directly on the exchange (bodies are binary). */
  void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Set<PowerwallSimulatorFault> active = faults.get();
      if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))
          || active.contains(PowerwallSimulatorFault.TEDAPI_FORBIDDEN)) {
        send(exchange, 403, "application/json", FORBIDDEN.getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (active.contains(PowerwallSimulatorFault.TEDAPI_429)) {
        send(exchange, 429, "text/plain", "Too Many Requests".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (active.contains(PowerwallSimulatorFault.TEDAPI_503)) {
        send(exchange, 503, "text/plain", "Service Unavailable".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals("/tedapi/din") && exchange.getRequestMethod().equals("GET")) {
        send(exchange, 200, "text/plain", maybeGzip(din.getBytes(StandardCharsets.UTF_8)));
        return;
      }
      String unit = null;
      if (path.startsWith("/tedapi/device/") && path.endsWith("/v1")) {
        unit = path.substring("/tedapi/device/".length(), path.length() - "/v1".length());
      } else if (!path.equals("/tedapi/v1")) {
        send(exchange, 404, "text/plain", "404 page not found".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, 405, "text/plain", new byte[0]);
        return;
      }
      Frame request;
      try (InputStream in = exchange.getRequestBody()) {
        request = Frame.parseFrom(in.readAllBytes());
      } catch (InvalidProtocolBufferException e) {
        send(exchange, 400, "text/plain", "bad request".getBytes(StandardCharsets.UTF_8));
        return;
      }
      Envelope answer = answer(request.getEnvelope(), unit, active);
      if (answer == null) {
        send(exchange, 502, "text/plain", new byte[0]);
        return;
      }
      byte[] body =
          Frame.newBuilder()
              .setEnvelope(answer)
              .setTail(TedapiProto.Tail.newBuilder().setValue(1))
              .build()
              .toByteArray();
      send(exchange, 200, "application/octet-stream", maybeGzip(body));
    }
  }

  private Envelope answer(Envelope request, String unit, Set<PowerwallSimulatorFault> active) {
    String recipient = request.getRecipient().getDin();
    if (unit != null && (!unit.equals(recipient) || !unit.equals(FOLLOWER_DIN))) {
      return null;
    }
    boolean mixedUp =
        unit != null && active.contains(PowerwallSimulatorFault.FOLLOWER_ANSWERS_LEADER);
    Envelope.Builder out =
        Envelope.newBuilder()
            .setDeliveryChannel(1)
            .setSender(
                mixedUp
                    ? TedapiProto.Participant.newBuilder().setLocal(1)
                    : TedapiProto.Participant.newBuilder().setDin(unit == null ? din : unit))
            .setRecipient(TedapiProto.Participant.newBuilder().setLocal(1));
    if (request.hasFile()) {
      return out.setFile(
              TedapiProto.FileMessages.newBuilder()
                  .setReadResponse(
                      TedapiProto.ReadFileResponse.newBuilder()
                          .setFile(
                              TedapiProto.StoredFile.newBuilder()
                                  .setName("config.json")
                                  .setBlob(ByteString.copyFromUtf8(config.toString())))
                          .setHash(ByteString.copyFromUtf8("sim"))))
          .build();
    }
    if (request.hasSystemInfo()) {
      return out.setSystemInfo(
              TedapiProto.SystemInfoMessages.newBuilder()
                  .setResponse(
                      TedapiProto.SystemInfo.newBuilder()
                          .setDin(din)
                          .setDeviceId(
                              TedapiProto.EcuId.newBuilder()
                                  .setPartNumber(din.substring(0, din.indexOf("--")))
                                  .setSerialNumber(din.substring(din.indexOf("--") + 2)))
                          .setFirmwareVersion(
                              TedapiProto.FirmwareVersion.newBuilder()
                                  .setVersion(
                                      scenario.powerwall3()
                                          ? "26.10.3 4f924de8"
                                          : "25.42.2 1a2b3c4d")
                                  .setGithash(
                                      ByteString.copyFrom(
                                          HexFormat.of()
                                              .parseHex(
                                                  "4f924de839f0c4f6f7fda90f010ed9f41bfe5599"))))
                          .setDeviceType(4)))
          .build();
    }
    if (!request.hasQuery() || !request.getQuery().hasRequest()) {
      return null;
    }
    TedapiProto.QueryRequest query = request.getQuery().getRequest();
    TedapiProto.QueryResponse.Builder response = TedapiProto.QueryResponse.newBuilder();
    if (active.contains(PowerwallSimulatorFault.ROTATED_KEYS)
        || !signatures.contains(query.getSignature())) {
      response
          .setStatus(3)
          .addErrors(
              TedapiProto.QueryError.newBuilder()
                  .setCode(2)
                  .setMessage("signature verification failed"));
    } else {
      String text;
      try {
        text = TedapiProto.SignedQuery.parseFrom(query.getSignedQuery()).getText();
      } catch (InvalidProtocolBufferException e) {
        return null;
      }
      JsonNode data;
      if (text.contains("DeviceControllerQuery") && unit == null) {
        data = status(text.contains("teslaRemoteMeter"));
      } else if (text.contains("ComplianceQuery") && components != null) {
        data = compliance(mixedUp ? din : recipient);
      } else if ((text.contains("ComponentsQuery") || text.contains("PW3Query"))
          && components != null) {
        data = components(mixedUp ? din : recipient, query.getVariables().getValue());
      } else {
        data = null;
      }
      if (data == null) {
        response
            .setStatus(3)
            .addErrors(TedapiProto.QueryError.newBuilder().setCode(1).setMessage("not found"));
      } else {
        response.setStatus(1).setData(data.toString());
      }
    }
    return out.setQuery(TedapiProto.QueryMessages.newBuilder().setResponse(response)).build();
  }

  /**
   * The DeviceControllerQuery result at this moment of the simulated day; the Powerwall 2 site's
   * Tesla Remote Meter only when the query asks for remote meters.
   */
  private JsonNode status(boolean remoteMeters) {
    SolarDaySnapshot now = snapshot.get();
    ObjectNode s = status.deepCopy();
    ObjectNode control = (ObjectNode) s.path("control");
    for (JsonNode meter : control.path("meterAggregates")) {
      String location = meter.path("location").asText().toUpperCase(Locale.ROOT);
      double watts =
          switch (location) {
            case "SOLAR" -> now.solarW();
            case "LOAD" -> now.loadW();
            case "BATTERY" -> now.batteryW();
            case "SITE" -> now.siteW();
            default -> 0;
          };
      ((ObjectNode) meter).put("realPowerW", watts);
    }
    if (control.path("systemStatus") instanceof ObjectNode system) {
      system.put("nominalFullPackEnergyWh", now.fullPackWh());
      system.put("nominalEnergyRemainingWh", now.remainingWh());
    }
    if (control.path("alerts").path("active") instanceof ArrayNode alerts) {
      alerts.removeAll();
      if (!now.islanded()) {
        alerts.add("SystemConnectedToGrid");
      }
    }
    JsonNode bus = s.path("esCan").path("bus");
    JsonNode pvacs = bus.path("PVAC");
    for (int i = 0; i < pvacs.size(); i++) {
      if (pvacs.path(i).path("PVAC_Logging") instanceof ObjectNode log) {
        SimulatedStrings strings =
            SimulatedStrings.of(
                pvacs.path(i).path("packageSerialNumber").asText("PVAC" + i), PVAC_STRINGS);
        boolean producing = now.solarW() > PRODUCING_W;
        for (int k = 0; k < PVAC_STRINGS.size(); k++) {
          double volts = producing ? strings.producingVolts(k) : 0;
          double watts = strings.watts(k, now.solarW() / pvacs.size());
          log.put("PVAC_PVMeasuredVoltage_" + PVAC_STRINGS.get(k), volts);
          log.put("PVAC_PVCurrent_" + PVAC_STRINGS.get(k), volts == 0 ? 0 : watts / volts);
        }
      }
      if (pvacs.path(i).path("PVAC_Status") instanceof ObjectNode st) {
        st.put("PVAC_Pout", now.solarW() / pvacs.size());
      }
    }
    for (JsonNode reading : s.path("neurio").path("readings")) {
      for (JsonNode ct : reading.path("dataRead")) {
        double volts = now.voltageLineToLine();
        ((ObjectNode) ct)
            .put("realPowerW", now.solarW())
            .put("reactivePowerVAR", now.solarReactiveVar())
            .put("voltageV", volts)
            .put("currentA", now.solarW() / volts);
      }
    }
    if (remoteMeters) {
      remoteMeter(s, now);
    }
    JsonNode pods = bus.path("POD");
    for (int i = 0; i < pods.size() && i < now.packs().size(); i++) {
      if (pods.path(i).path("POD_EnergyStatus") instanceof ObjectNode energy) {
        energy.put("POD_nom_energy_remaining", now.packs().get(i).remainingWh());
        energy.put("POD_nom_full_pack_energy", now.packs().get(i).fullPackWh());
      }
    }
    return s;
  }

  /**
   * The site's Tesla Remote Meter: two CTs, one per line, on the split-phase Powerwall 2 site; one
   * CT across the single phase of the Powerwall 3 site (whose capture is from a single-phase site).
   */
  private void remoteMeter(ObjectNode status, SolarDaySnapshot now) {
    ObjectNode remote = status.putObject("teslaRemoteMeter");
    remote.putArray("detectedWired");
    ObjectNode reading =
        remote.putArray("meters").addObject().put("din", REMOTE_METER_DIN).putObject("reading");
    reading.put("timestamp", now.time().toString()).put("firmwareVersion", "1.6.3");
    ArrayNode cts = reading.putArray("ctReadings");
    SolarDayLifetime lifetime = now.lifetime();
    List<Double> lines =
        scenario.powerwall3()
            ? List.of(now.voltageLineToLine())
            : List.of(now.voltageL1(), now.voltageL2());
    for (double volts : lines) {
      cts.addObject()
          .put("voltageV", volts)
          .put("realPowerW", now.siteW() / lines.size())
          .put("reactivePowerVAR", now.siteReactiveVar() / lines.size())
          .put("energyExportedWs", lifetime.siteExportedWh() * 3600 / lines.size())
          .put("energyImportedWs", lifetime.siteImportedWh() * 3600 / lines.size())
          .put("currentA", Math.abs(now.siteW() / lines.size() / volts));
    }
  }

  /**
   * The components result of the leader or the follower, labelled with that unit's serials; the
   * temperature and fan signals only when the (unsigned) variables ask for them, as the gateway
   * answers only the signal names it is asked for.
   */
  private JsonNode components(String unit, String variables) {
    SolarDaySnapshot now = snapshot.get();
    boolean follower = unit.equals(FOLLOWER_DIN);
    ObjectNode c = components.deepCopy();
    JsonNode groups = c.path("components");
    boolean producing = now.solarW() > PRODUCING_W;
    double unitPv = now.solarW() / 2;
    double dc = unitPv + now.batteryW() / 2;
    double ac = dc > 0 ? dc * INVERTER_EFFICIENCY : dc / INVERTER_EFFICIENCY;
    SimulatedStrings strings = SimulatedStrings.of(unit, PW3_STRINGS);
    for (JsonNode pch : groups.path("pch")) {
      for (JsonNode signal : pch.path("signals")) {
        ObjectNode sig = (ObjectNode) signal;
        String name = sig.path("name").asText();
        for (int k = 0; k < PW3_STRINGS.size(); k++) {
          String s = PW3_STRINGS.get(k);
          double volts = strings.producingVolts(k);
          if (name.equals("PCH_PvVoltage" + s) && producing) {
            sig.put("value", volts);
          } else if (name.equals("PCH_PvCurrent" + s)) {
            sig.put("value", producing ? strings.watts(k, unitPv) / volts : 0.0);
          } else if (name.equals("PCH_PvState_" + s)) {
            sig.put("textValue", producing ? "Pv_Active" : "Pv_Standby");
          }
        }
        if (name.equals("PCH_SlowPvPowerSum")) {
          sig.put("value", unitPv);
        } else if (name.equals("PCH_BatteryPower")) {
          sig.put("value", now.batteryW() / 2);
        } else if (name.equals("PCH_AcRealPowerAB")) {
          sig.put("value", ac);
        }
      }
      if (pch.path("activeAlerts") instanceof ArrayNode alerts) {
        alerts.removeAll();
        if (!producing && scenario.componentAlerts()) {
          alerts.addObject().put("name", NIGHT_ALERT);
        }
      }
    }
    if (!scenario.componentAlerts()) {
      groups.forEach(
          group ->
              group.forEach(
                  component -> {
                    if (component.path("activeAlerts") instanceof ArrayNode alerts) {
                      alerts.removeAll();
                    }
                  }));
    }
    double ratio = now.percentage() / 100;
    for (JsonNode bms : groups.path("bms")) {
      Double full = null;
      for (JsonNode signal : bms.path("signals")) {
        if (signal.path("name").asText().equals("BMS_nominalFullPackEnergy")
            && signal.path("value").isNumber()) {
          full = signal.path("value").doubleValue();
        }
      }
      for (JsonNode signal : bms.path("signals")) {
        if (full != null && signal.path("name").asText().equals("BMS_nominalEnergyRemaining")) {
          ((ObjectNode) signal).put("value", full * ratio);
        }
      }
    }
    double warmth = 24 + now.solarW() / 1000;
    if (variables.contains("HVP_PackTempMax")) {
      for (JsonNode hvp : groups.path("hvp")) {
        if (!hvp.path("serialNumber").asText().isEmpty()
            && hvp.path("signals") instanceof ArrayNode list) {
          signal(list, "HVP_PackTempMax", warmth + 2);
          signal(list, "HVP_PackTempMin", warmth - 1);
          signal(list, "HVP_ShuntTemperature", warmth + 4);
        }
      }
    }
    if (variables.contains("BMS_LOG_tempOutOfBounds")) {
      double dischargedKwh = now.lifetime().batteryExportedWh() / 1000;
      int slot = 0;
      for (JsonNode bms : groups.path("bms")) {
        boolean live = false;
        for (JsonNode signal : bms.path("signals")) {
          live |=
              signal.path("name").asText().equals("BMS_nominalFullPackEnergy")
                  && signal.path("value").isNumber();
        }
        if (live && bms.path("signals") instanceof ArrayNode list) {
          double kwh = dischargedKwh / 3 + slot * 250;
          signal(list, "BMS_kwhDischargeTotal", kwh);
          signal(list, "BMS_LOG_ahDischargeTotal", kwh * 1000 / 52);
          signal(list, "BMS_LOG_numFullBattCycles", Math.floor(kwh / 13.5));
          signal(list, "BMS_LOG_tempOutOfBounds", slot);
          signal(list, "BMS_LOG_tempOutOfBoundsCharge", 1);
          slot++;
        }
      }
    }
    if (variables.contains("PCH_AmbientTemp")) {
      for (JsonNode pch : groups.path("pch")) {
        if (pch.path("signals") instanceof ArrayNode list) {
          signal(list, "PCH_AmbientTemp", warmth);
          signal(list, "PCH_FanSpeed_A", producing ? 1800 : 0);
          signal(list, "PCH_FanSpeed_B", producing ? 1750 : 0);
          signal(list, "PCH_FanDuty_A", producing ? 40 : 0);
          signal(list, "PCH_FanDuty_B", producing ? 38 : 0);
        }
      }
    }
    if (follower) {
      int i = 0;
      for (JsonNode hvp : groups.path("hvp")) {
        String serial = hvp.path("serialNumber").asText();
        if (!serial.isEmpty()) {
          ((ObjectNode) hvp).put("serialNumber", "TG12520300FW" + (++i));
        }
      }
    }
    return c;
  }

  /**
   * The ComplianceQuery result of one unit: its packs' lifetime counters and energy, in the order
   * of the components result's packs, without serials (as the query asks for none).
   */
  private JsonNode compliance(String unit) {
    ObjectNode result = JSON.createObjectNode();
    ArrayNode out = result.putObject("components").putArray("bms");
    for (JsonNode bms :
        components(unit, "BMS_LOG_tempOutOfBounds").path("components").path("bms")) {
      ArrayNode signals = out.addObject().putArray("signals");
      for (JsonNode signal : bms.path("signals")) {
        if (signal.path("name").asText().startsWith("BMS_")
            && !signal.path("name").asText().equals("BMS_appGitHash")) {
          signals
              .addObject()
              .put("name", signal.path("name").asText())
              .set("value", signal.path("value"));
        }
      }
    }
    return result;
  }

  private static void signal(ArrayNode signals, String name, double value) {
    ObjectNode signal = signals.addObject();
    signal.put("name", name).put("value", value);
    signal.putNull("textValue");
    signal.putNull("boolValue");
    signal.putNull("timestamp");
  }

  private boolean authorized(String header) {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    return expected.equals(header);
  }

  private byte[] maybeGzip(byte[] body) throws IOException {
    if (!gzip) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    }
    return out.toByteArray();
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static JsonNode read(String name) {
    return readResource("tedapi/" + name + ".json", PowerwallSimulatorTedapi.class);
  }

  private static JsonNode readQuerySet(String name) {
    return readResource("tedapi/" + name + ".json", TedapiProto.class);
  }

  private static JsonNode readResource(String resource, Class<?> beside) {
    try (InputStream in = beside.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
