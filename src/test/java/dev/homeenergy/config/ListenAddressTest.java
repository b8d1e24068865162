package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListenAddressTest {

  @Test
  void portOnlyMeansAllInterfaces() {
    InetSocketAddress address = ListenAddress.parse(":10042");
    assertThat(address).isEqualTo(new InetSocketAddress(10042));
    assertThat(address.getAddress().isAnyLocalAddress()).isTrue();
  }

  @Test
  void parsesIpv4WithPortZero() {
    InetSocketAddress address = ListenAddress.parse("127.0.0.1:0");
    assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(address.getPort()).isZero();
  }

  @Test
  void parsesBracketedIpv6() {
    InetSocketAddress address = ListenAddress.parse("[::1]:9000");
    assertThat(address.getAddress().isLoopbackAddress()).isTrue();
    assertThat(address.getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(address.getPort()).isEqualTo(9000);
  }

  @Test
  void parsesHostName() {
    InetSocketAddress address = ListenAddress.parse("localhost:8080");
    assertThat(address.getHostString()).isEqualTo("localhost");
    assertThat(address.getPort()).isEqualTo(8080);
  }

  @ParameterizedTest(name = "{0} is refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "10042|invalid listen address \"10042\": missing port; expected host:port or :port",
        "localhost|invalid listen address \"localhost\": missing port; expected host:port or :port",
        ":|invalid listen address \":\": missing port after \":\"",
        ":65536|invalid listen address \":65536\": invalid port \"65536\" (must be 0-65535)",
        ":http|invalid listen address \":http\": invalid port \"http\" (must be 0-65535)",
        ":-1|invalid listen address \":-1\": invalid port \"-1\" (must be 0-65535)",
        "::1:9000|invalid listen address \"::1:9000\": IPv6 addresses must be in brackets, like [::1]:9000",
        "[::1:9000|invalid listen address \"[::1:9000\": missing \"]\" after the IPv6 address",
        "[::1]9000|invalid listen address \"[::1]9000\": unexpected \"9000\" after \"]\"",
        "[zz::1]:80|invalid listen address \"[zz::1]:80\": invalid IPv6 address \"zz::1\"",
        "[127.0.0.1]:80|invalid listen address \"[127.0.0.1]:80\": invalid IPv6 address \"127.0.0.1\"",
        "bad host:80|invalid listen address \"bad host:80\": invalid host \"bad host\""
      })
  void rejectsInvalidAddresses(String text, String message) {
    assertThatThrownBy(() -> ListenAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsEmpty() {
    assertThatThrownBy(() -> ListenAddress.parse(""))
        .hasMessage("listen address is empty; expected host:port or :port");
  }

  @Test
  void webAndLogSettingsCannotBeBuiltInvalid() {
    assertThatThrownBy(() -> new WebConfig("localhost", "/metrics"))
        .hasMessageContaining("invalid listen address \"localhost\": missing port");
    assertThatThrownBy(() -> new WebConfig(":9100", "/-/ready"))
        .hasMessageContaining("used by the exporter itself");
    assertThatThrownBy(() -> new WebConfig(":9100", "/-/reload"))
        .hasMessageContaining("used by the exporter itself");
    assertThatThrownBy(() -> new LogConfig("loud", "text"))
        .hasMessageContaining("invalid log level \"loud\"");
    assertThatThrownBy(() -> new LogConfig("info", "xml"))
        .hasMessageContaining("invalid log format \"xml\"");
    assertThat(new WebConfig("[::1]:0", "/m").listenAddress()).isEqualTo("[::1]:0");
  }
}
