package dev.homeenergy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.devicehttp.BoundedBody;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.faults.FaultTarget.Outcome;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.testing.ExporterHarness;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.ExpositionSyntax;
import dev.homeenergy.testing.FaultServer;
import dev.homeenergy.testing.FaultServer.Fault;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every family against every fault: one exporter per family polls a device through a {@link
 * FaultServer} ({@code faulty}) and the same simulator directly ({@code neighbour}). Each fault
 * must leave the exporter serving valid output, show {@code faulty} down with the fault counted
 * under the expected reason (or, for answers that are not failures, still up with its data), leave
 * {@code neighbour} up with its data, and end at the next good answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceFaultsIT {
  private static final String FAULTY = "faulty";
  private static final String NEIGHBOUR = "neighbour";

  /** Far below the 100 MiB the server offers: the body cap plus what socket buffers hold. */
  private static final long MOST_BYTES_READ_OF_A_HUGE_BODY = 16L * 1024 * 1024;

  private static final String ESCAPED_ODD_TEXT = "\\\"q\\\" \\\\ \\n ü 日本 🔋 {x=\\\"y\\\"}";

  private final Map<String, Rig> rigs = new HashMap<>();

  @TempDir Path scratch;

  /** One family's exporter, simulator and fault server, kept across that family's cases. */
  private record Rig(ExporterHarness harness, FaultServer server) {}

  /**
   * Every target and fault; {@code -Dfaults.only=<target>} narrows to the targets named so, {@code
   * -Dfaults.fault=NODE_BOMB,DEEP_NESTING} to those faults.
   */
  static Stream<Arguments> cases() {
    String only = System.getProperty("faults.only", "");
    List<String> faults =
        Arrays.stream(System.getProperty("faults.fault", "").split(","))
            .filter(name -> !name.isBlank())
            .toList();
    return FaultTargets.all().stream()
        .filter(target -> only.isEmpty() || target.toString().startsWith(only))
        .flatMap(
            target ->
                Arrays.stream(Fault.values())
                    .filter(fault -> fault != Fault.NONE)
                    .filter(fault -> faults.isEmpty() || faults.contains(fault.name()))
                    .map(fault -> Arguments.of(target, fault)));
  }

  @AfterAll
  void stopAll() throws Exception {
    for (Rig rig : rigs.values()) {
      rig.harness().close();
    }
  }

  private Rig rig(FaultTarget target) throws Exception {
    Rig existing = rigs.get(target.toString());
    if (existing != null) {
      return existing;
    }
    ExporterHarness harness = new ExporterHarness(List.of(target.family()));
    Simulator simulator = harness.track(target.simulator());
    FaultServer server =
        harness.track(FaultServer.start(simulator.baseUri(), target.tls(), target.rewriteExempt()));
    harness.serve(
        List.of(
            target.device(FAULTY, server.baseUri(), simulator, scratch),
            target.device(NEIGHBOUR, simulator.baseUri(), simulator, scratch)));
    Rig rig = new Rig(harness, server);
    rigs.put(target.toString(), rig);
    return rig;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void aFaultIsCountedKeptToItsDeviceAndRecoveredFrom(FaultTarget target, Fault fault)
      throws Exception {
    Rig rig = rig(target);
    Series series = new Series(target);
    Exposition before =
        await(
            rig,
            series,
            Fault.NONE,
            m -> series.healthy(m, FAULTY) && series.healthy(m, NEIGHBOUR));
    Outcome outcome = target.outcome(fault);
    try {
      rig.server().set(fault);
      Exposition during;
      if (outcome instanceof Outcome.Fails fails) {
        during = failed(rig, series, fault, before, fails);
      } else if (outcome instanceof Outcome.Accepted accepted) {
        during = accepted(rig, series, fault, before, accepted);
      } else {
        during = endpointsFailed(rig, series, fault, before, (Outcome.EndpointsFail) outcome);
      }
      ExpositionSyntax.assertValid(during.text());
      assertThat(rig.harness().landingPage())
          .as("the status page words the failure plainly")
          .doesNotContain("Exception")
          .doesNotContain("com.fasterxml")
          .doesNotContain("[Source:");
      assertThat(series.errors(during, FAULTY, "internal")).as("exporter defects").isZero();
      assertThat(series.healthy(during, NEIGHBOUR)).as("the neighbour is unaffected").isTrue();
      assertThat(series.errors(during, NEIGHBOUR, "internal")).isZero();
      if (fault == Fault.HUGE_BODY) {
        assertThat(rig.server().mostHugeBytesSent())
            .as("most bytes of a 100 MiB body the exporter took")
            .isLessThan(MOST_BYTES_READ_OF_A_HUGE_BODY);
        java.util.regex.Matcher cap =
            java.util.regex.Pattern.compile("exceeded (\\d+) bytes")
                .matcher(rig.harness().landingPage());
        assertThat(cap.find()).as("the status page names the cap").isTrue();
        assertThat(Integer.parseInt(cap.group(1)))
            .as("the endpoint's cap, never above the absolute one")
            .isLessThanOrEqualTo(BoundedBody.DEFAULT_MAX_BYTES);
      }
      if (fault == Fault.NODE_BOMB) {
        assertThat(rig.harness().landingPage())
            .as("the bomb is refused by its endpoint's body cap, which the status page names")
            .containsPattern("exceeded \\d+ bytes");
      }
      if (fault == Fault.DEEP_NESTING) {
        assertThat(rig.harness().landingPage())
            .as("the nesting bound is named")
            .contains("nests deeper than " + DeviceJson.MAX_NESTING_DEPTH + " levels");
      }
    } finally {
      rig.server().set(Fault.NONE);
    }
    Exposition after =
        await(
            rig,
            series,
            Fault.NONE,
            m -> series.healthy(m, FAULTY) && series.healthy(m, NEIGHBOUR));
    ExpositionSyntax.assertValid(after.text());
  }

  /** The device goes down with the fault counted under the expected reason and no other. */
  private static Exposition failed(
      Rig rig, Series series, Fault fault, Exposition before, Outcome.Fails fails) {
    double counted = series.errors(before, FAULTY, fails.reason());
    Exposition during =
        await(
            rig,
            series,
            fault,
            m ->
                series.errors(m, FAULTY, fails.reason()) > counted
                    && m.value(series.up(FAULTY)).orElse(1) == 0);
    for (FailureReason reason : FailureReason.values()) {
      if (!reason.label().equals(fails.reason())) {
        assertThat(series.errors(during, FAULTY, reason.label()))
            .as("no %s counted for %s", reason.label(), fault)
            .isEqualTo(series.errors(before, FAULTY, reason.label()));
      }
    }
    return during;
  }

  /**
   * At least two whole polls under the fault leave the device up with its data and nothing counted.
   */
  private static Exposition accepted(
      Rig rig, Series series, Fault fault, Exposition before, Outcome.Accepted accepted) {
    Exposition during = awaitPollsUnderFault(rig, series, fault, before);
    assertThat(during.value(series.up(FAULTY)))
        .as("%s accepted: %s", fault, accepted.because())
        .hasValue(1);
    assertThat(series.hasData(during, FAULTY))
        .as("%s data under %s: %s", series.target(), fault, series.summary(during))
        .isEqualTo(accepted.dataKept());
    for (FailureReason reason : FailureReason.values()) {
      assertThat(series.errors(during, FAULTY, reason.label()))
          .as("%s counted for %s", reason.label(), fault)
          .isEqualTo(series.errors(before, FAULTY, reason.label()));
    }
    if (fault == Fault.ODD_TEXT) {
      assertThat(during.text())
          .as("a label value carries the odd text, escaped")
          .contains(ESCAPED_ODD_TEXT);
    }
    return during;
  }

  /**
   * The device stays up, but the endpoints whose bodies carry the fault are counted and their data
   * is gone.
   */
  private static Exposition endpointsFailed(
      Rig rig, Series series, Fault fault, Exposition before, Outcome.EndpointsFail endpoints) {
    double counted = series.endpointErrors(before, FAULTY, endpoints.reason());
    awaitPollsUnderFault(rig, series, fault, before);
    Exposition during =
        await(
            rig,
            series,
            fault,
            m ->
                series.endpointErrors(m, FAULTY, endpoints.reason()) > counted
                    && !series.hasData(m, FAULTY));
    assertThat(during.value(series.up(FAULTY)))
        .as("%s: %s", fault, endpoints.because())
        .hasValue(1);
    return during;
  }

  private static Exposition awaitPollsUnderFault(
      Rig rig, Series series, Fault fault, Exposition before) {
    long faultedBefore = rig.server().faultedRequests();
    double polls = series.polls(before, FAULTY);
    Exposition first =
        await(
            rig,
            series,
            fault,
            m ->
                rig.server().faultedRequests() > faultedBefore
                    && series.polls(m, FAULTY) >= polls + 1);
    double underFault = series.polls(first, FAULTY);
    return await(rig, series, fault, m -> series.polls(m, FAULTY) >= underFault + 2);
  }

  /**
   * Scrapes until {@code condition} holds; on time-out says what the faulty device shows instead.
   */
  private static Exposition await(
      Rig rig, Series series, Fault fault, Predicate<Exposition> condition) {
    try {
      return rig.harness().awaitScrape(condition);
    } catch (ConditionTimeoutException e) {
      String page = rig.harness().landingPage().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
      int at = page.indexOf(FAULTY);
      throw new AssertionError(
          series.target()
              + " under "
              + fault
              + ": "
              + series.summary(rig.harness().scrape())
              + "; status page: "
              + page.substring(Math.max(0, at), Math.min(page.length(), at + 400)));
    }
  }

  /** Series names of one family's devices. */
  private record Series(FaultTarget target) {
    String up(String device) {
      return "home_energy_exporter_device_up{device=\""
          + device
          + "\",type=\""
          + target.type()
          + "\"}";
    }

    double polls(Exposition m, String device) {
      return m.value(
              "home_energy_exporter_device_polls_total{device=\""
                  + device
                  + "\",type=\""
                  + target.type()
                  + "\"}")
          .orElse(0);
    }

    double endpointErrors(Exposition m, String device, String reason) {
      String prefix =
          "home_energy_exporter_device_endpoint_errors_total{device=\"" + device + "\",";
      return m.sampleLines().stream()
          .filter(l -> l.startsWith(prefix) && l.contains("reason=\"" + reason + "\""))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
          .sum();
    }

    double errors(Exposition m, String device, String reason) {
      return m.value(
              "home_energy_exporter_device_poll_errors_total{device=\""
                  + device
                  + "\",reason=\""
                  + reason
                  + "\",type=\""
                  + target.type()
                  + "\"}")
          .orElse(0);
    }

    boolean hasData(Exposition m, String device) {
      String name = target.dataMetric();
      return m.sampleLines().stream()
          .anyMatch(
              l ->
                  (l.startsWith(name + "{") || l.startsWith(name + " "))
                      && l.contains("device=\"" + device + "\""));
    }

    String summary(Exposition m) {
      return m.sampleLines().stream()
              .filter(
                  l ->
                      l.contains("device=\"" + FAULTY + "\"")
                          && l.startsWith("home_energy_exporter_device_")
                          && !l.endsWith(" 0.0")
                          && !l.contains("timestamp")
                          && !l.contains("duration"))
              .map(
                  l ->
                      l.replace("home_energy_exporter_device_", "")
                          .replace("device=\"" + FAULTY + "\",", ""))
              .collect(java.util.stream.Collectors.joining(" | "))
          + " | data: "
          + hasData(m, FAULTY);
    }

    boolean healthy(Exposition m, String device) {
      return m.value(up(device)).orElse(0) == 1 && hasData(m, device);
    }
  }
}
