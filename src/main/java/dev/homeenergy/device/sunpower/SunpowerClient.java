package dev.homeenergy.device.sunpower;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.BodyCaps;
import dev.homeenergy.devicehttp.Deadline;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.FailureWords;
import dev.homeenergy.devicehttp.LoginGate;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one SunPower PVS5/PVS6 over its local API, within one deadline of the device's {@code
 * timeout} per poll.
 *
 * <p>Transport: the configured address; with {@code use_tls} an {@code http} address becomes {@code
 * https} (port 80 becoming 443) and any certificate is accepted, the PVS's being self-signed.
 *
 * <p>API: {@code api: dl_cgi} reads {@code dl_cgi?Command=DeviceList} and friends (see {@link
 * DlCgiReader}); {@code api: vars} logs in and reads the varserver (see {@link VarsReader}, {@link
 * VarsSession}). With {@code api: auto} every poll starts with dl_cgi. Old firmware sometimes
 * refuses one DeviceList (401/403), so a unit whose DeviceList has answered in this run moves to
 * {@code /vars} only after {@value #REFUSALS_BEFORE_VARS} refusals in a row, and only when {@code
 * /vars} then answers; a unit that has refused DeviceList since the exporter started (the 2025
 * firmware's refusal) tries {@code /vars} at the first refusal. Once {@code /vars} answers, the PVS
 * is read through it for good (logged once). Should {@code /vars} later answer 404 (a firmware
 * without it), the next poll tries dl_cgi again. {@link SunpowerResponses#api()} says which API a
 * poll used. Not thread-safe: the core polls a device from one thread.
 */
public final class SunpowerClient implements Device {
  /** DeviceList refusals in a row after which a unit that used to answer it tries /vars. */
  static final int REFUSALS_BEFORE_VARS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(SunpowerClient.class);

  /**
   * The device lists grow with the site: the legacy DeviceList is about 31 KB for 37 inverters, so
   * 1 MiB holds well over a thousand devices; the other answers are under 2 KB.
   */
  static final BodyCaps BODY_CAPS =
      BodyCaps.of(64 * 1024)
          .with(DlCgiReader.DEVICE_LIST, 1024 * 1024)
          .with(VarsReader.VARS_ENDPOINT, 1024 * 1024);

  private final String name;
  private final Duration timeout;
  private final SunpowerApi forcedApi;
  private final DlCgiReader dlCgi;
  private final VarsReader vars;
  private final String address;
  private boolean lockedFirmware;
  private boolean deviceListAnswered;
  private int refusalsInARow;
  private boolean announcedVars;
  private boolean announcedVarsMissing;

  /**
   * Creates the client; sends nothing.
   *
   * @throws IllegalArgumentException when a SunPower setting is invalid
   */
  public SunpowerClient(DeviceConfig config, DeviceContext context) {
    SunpowerSettings settings = SunpowerSettings.from(config);
    this.name = config.name();
    this.timeout = config.timeout();
    this.forcedApi = settings.api();
    DeviceHttp http =
        new DeviceHttp(
            PvsTls.sharedClient(timeout, context), context.clock(), context.raw(), BODY_CAPS);
    URI base = PvsTransport.baseUri(config.address(), settings.useTls());
    this.address = FailureWords.address(base);
    PvsTransport transport = new PvsTransport(http, base);
    this.dlCgi = new DlCgiReader(transport, context.clock());
    this.vars =
        new VarsReader(
            settings,
            transport,
            new VarsSession(name, transport, new LoginGate(context.clock())),
            context.clock());
  }

  @Override
  public SunpowerReading poll() throws PollException {
    return SunpowerReading.parse(fetch());
  }

  /** Reads every endpoint of one poll through the API in use. */
  SunpowerResponses fetch() throws PollException {
    Deadline deadline = Deadline.after(timeout);
    if (forcedApi == SunpowerApi.VARS || (forcedApi == null && lockedFirmware)) {
      return readVars(deadline);
    }
    try {
      SunpowerResponses responses = dlCgi.read(deadline);
      deviceListAnswered = true;
      refusalsInARow = 0;
      return responses;
    } catch (PollException e) {
      if (!DlCgiReader.isLockedFirmware(e)) {
        throw e;
      }
      if (forcedApi == SunpowerApi.DL_CGI) {
        throw new PollException(
            e.reason(),
            e.getMessage() + " (the 2025 firmware refuses dl_cgi; set api: auto or vars)",
            e.httpStatus());
      }
      refusalsInARow++;
      if (deviceListAnswered && refusalsInARow < REFUSALS_BEFORE_VARS) {
        throw new PollException(
            e.reason(),
            e.getMessage()
                + " (refusal "
                + refusalsInARow
                + " in a row; /vars is tried after "
                + REFUSALS_BEFORE_VARS
                + ")",
            e.httpStatus());
      }
      SunpowerResponses responses = readVars(deadline);
      lockedFirmware = true;
      refusalsInARow = 0;
      if (!announcedVars) {
        announcedVars = true;
        LOG.info(
            "PVS {} refuses dl_cgi DeviceList and answers /vars (the 2025 firmware):"
                + " reading it through /vars from now on",
            name);
      }
      return responses;
    }
  }

  private SunpowerResponses readVars(Deadline deadline) throws PollException {
    try {
      return vars.read(deadline);
    } catch (PollException e) {
      if (!VarsReader.isVarsMissing(e)) {
        throw e;
      }
      if (forcedApi == null) {
        lockedFirmware = false;
        if (!announcedVarsMissing) {
          announcedVarsMissing = true;
          LOG.info("PVS {} does not serve /vars: trying dl_cgi again at the next poll", name);
        }
      }
      throw new PollException(
          e.reason(),
          "vars: this PVS firmware has no /vars API (HTTP 404 from " + address + ")",
          e.httpStatus());
    }
  }
}
