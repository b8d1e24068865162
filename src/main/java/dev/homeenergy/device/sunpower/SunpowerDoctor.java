package dev.homeenergy.device.sunpower;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceDoctor;
import dev.homeenergy.core.DoctorStep;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The PVS's doctor steps, from one poll through its own client: which API answers (with {@code api:
 * auto}, DeviceList first and {@code /vars} when the firmware refuses it), the login when that API
 * has one (at most one), and each endpoint the poll read.
 */
final class SunpowerDoctor implements DeviceDoctor {
  private final DeviceConfig config;
  private final DeviceContext context;
  private final SunpowerSettings settings;

  SunpowerDoctor(DeviceConfig config, DeviceContext context) {
    this.config = config;
    this.context = context;
    this.settings = SunpowerSettings.from(config);
  }

  @Override
  public URI address() {
    return PvsTransport.baseUri(config.address(), settings.useTls());
  }

  @Override
  public List<DoctorStep> check() {
    List<DoctorStep> steps = new ArrayList<>();
    SunpowerResponses responses;
    try {
      responses = new SunpowerClient(config, context).fetch();
    } catch (PollException e) {
      steps.add(DoctorStep.failed("API", e, hints(e)));
      return steps;
    }
    if (responses.api() == SunpowerApi.DL_CGI) {
      steps.add(DoctorStep.passed("API", "dl_cgi answers (DeviceList)"));
      steps.add(DoctorStep.skipped("authentication", "none: the dl_cgi API is open on the LAN"));
      steps.add(DoctorStep.passed("read DeviceList", "answered"));
      steps.add(read("read Get_Comm", responses.comm(), responses.failures()));
      steps.add(read("read GridProfileGet", responses.gridProfile(), responses.failures()));
    } else {
      steps.add(
          DoctorStep.passed(
              "API",
              settings.api() == SunpowerApi.VARS
                  ? "vars answers (api: vars)"
                  : "vars answers (this firmware refuses DeviceList)"));
      steps.add(DoctorStep.passed("authentication", "logged in as " + PvsTransport.LOGIN_USER));
      for (String prefix : SunpowerResponses.VARS_MATCHES) {
        steps.add(read("read vars " + prefix, responses.vars().get(prefix), responses.failures()));
      }
    }
    return steps;
  }

  private static DoctorStep read(String step, String body, List<EndpointFailure> failures) {
    if (body != null) {
      return DoctorStep.passed(step, "answered");
    }
    return failures.stream()
        .filter(failure -> step.endsWith(" " + failure.endpoint()))
        .findFirst()
        .map(
            failure ->
                DoctorStep.failed(
                    step, failure.reason().label() + ": " + failure.message(), List.of()))
        .orElse(DoctorStep.skipped(step, "not read this poll"));
  }

  private List<String> hints(PollException e) {
    String login =
        "the /vars API logs in as "
            + PvsTransport.LOGIN_USER
            + " with the last 5 characters of the PVS serial as its password (on the label, or in"
            + " the SunPower app); give serial: or password: when the PVS cannot tell it";
    if (DlCgiReader.isLockedFirmware(e) || e.getMessage().contains("refuses dl_cgi")) {
      return List.of("this PVS firmware locked the DeviceList API: set api: vars (or auto)", login);
    }
    if (VarsReader.isVarsMissing(e)) {
      return List.of("this PVS firmware has no /vars API: set api: dl_cgi (or auto)");
    }
    if (e.reason() == FailureReason.AUTH) {
      return List.of(login);
    }
    return DeviceDoctor.hintsFor(e);
  }
}
