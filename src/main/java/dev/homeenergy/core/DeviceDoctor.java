package dev.homeenergy.core;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code home-energy-exporter doctor} asks a family about one configured device. The doctor
 * checks name resolution, the TCP connection, TLS and HTTP itself at {@link #address()}; the family
 * then checks what only it knows ({@link #check()}: authentication and one read of each endpoint),
 * with hints for its usual mistakes. A doctor logs in at most once and never wakes a car.
 */
public interface DeviceDoctor {

  /** Where the device is really reached (scheme, host and port), for the network steps. */
  URI address();

  /** The TLS server name (SNI) the device expects, or null for the address's host. */
  default String tlsServerName() {
    return null;
  }

  /** The certificate the device's config pins, or null when any certificate is accepted. */
  default X509Certificate pinnedCertificate() {
    return null;
  }

  /** What to do when the device's certificate is not the pinned one. */
  default String pinMismatchHint() {
    return "the device's certificate changed (a replaced or reset device); check that it is the"
        + " right device, then pin its new certificate";
  }

  /**
   * The family's steps after the network ones (authentication, one read of each endpoint), in
   * order. Implementations catch their own failures and report them as failed steps.
   */
  List<DoctorStep> check();

  /**
   * The doctor of a family that has none of its own: one poll through the family's client,
   * reporting its summary or its failure's reason and message.
   */
  static DeviceDoctor polling(URI address, Supplier<Device> client) {
    return new DeviceDoctor() {
      @Override
      public URI address() {
        return address;
      }

      @Override
      public List<DoctorStep> check() {
        List<DoctorStep> steps = new ArrayList<>();
        try (Device device = client.get()) {
          Reading reading = device.poll();
          steps.add(DoctorStep.passed("read", reading.summary().orElse("the device answered")));
          reading
              .endpointFailures()
              .forEach(
                  failure ->
                      steps.add(
                          DoctorStep.failed(
                              "read " + failure.endpoint(),
                              failure.reason().label() + ": " + failure.message(),
                              List.of())));
        } catch (PollException e) {
          steps.add(DoctorStep.failed("read", e, hintsFor(e)));
        } catch (RuntimeException e) {
          steps.add(
              DoctorStep.failed(
                  "read", "the client could not be created: " + e.getMessage(), List.of()));
        }
        return steps;
      }
    };
  }

  /** The usual causes of a failure of this reason, for any family. */
  static List<String> hintsFor(PollException failure) {
    return switch (failure.reason()) {
      case AUTH -> List.of("the device refused the credentials in the config; check them");
      case PARSE ->
          List.of(
              "the address answers, but not as this kind of device: check the address and the"
                  + " type");
      case RATE_LIMITED ->
          List.of("the device asks to slow down; wait a few minutes before trying again");
      case TIMEOUT ->
          List.of("the device accepted the connection but did not answer in time; raise timeout");
      default -> List.of();
    };
  }
}
