package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command-line mistakes end with exit 2 and a message that says what to do instead. */
class CommandLineMistakesTest {
  private final CommandLineTest.Run run = new CommandLineTest.Run(Map.of());

  @Test
  void aPortInTheSunpowerHostnameAsksForPort() {
    assertThat(run.execute("sunpower", "--hostname", "pvs.local:8080")).isEqualTo(2);
    assertThat(run.err.toString())
        .contains("--hostname: give the port with --port")
        .contains("--hostname pvs.local --port 8080")
        .doesNotContain("Exception")
        .doesNotContain("IPv6");
  }

  @Test
  void aBindAddressThatIsNotAnAddressIsAConfigError() {
    assertThat(run.execute("wallconnector", "127.0.0.1:1", "-p", "0", "-b", "999.1.1.1"))
        .isEqualTo(2);
    assertThat(run.err.toString())
        .contains("--bind: 999.1.1.1 is not an IP address")
        .doesNotContain("Exception");
  }

  @Test
  void aDemoMqttBrokerThatIsNotTcpOrSslIsAConfigError() {
    assertThat(run.execute("demo", "--mqtt", "http://192.0.2.10:1883")).isEqualTo(2);
    assertThat(run.err.toString())
        .contains("error: --mqtt must start with tcp:// or ssl://")
        .doesNotContain("Exception");
  }

  @Test
  void aMisspeltFamilyGetsADidYouMean() {
    assertThat(run.execute("simulate", "wallconector")).isEqualTo(2);
    assertThat(run.err.toString())
        .contains("unknown device type \"wallconector\"")
        .contains("did you mean \"wallconnector\"?");
  }

  @Test
  void aDropInIntervalBelowTheFamilysFloorIsRefused() {
    assertThat(run.execute("wallconnector", "127.0.0.1:1", "-p", "0", "-i", "0.001")).isEqualTo(2);
    assertThat(run.err.toString())
        .contains("--interval: 0.001 s is below the minimum of 1s for a Wall Connector");
  }
}
