package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceAddressTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "192.168.1.50, http://192.168.1.50:80",
    "192.168.1.50:8080, http://192.168.1.50:8080",
    "wallconnector.lan, http://wallconnector.lan:80",
    "[fe80::1]:8080, http://[fe80::1]:8080",
    "[fe80::1], http://[fe80::1]:80",
    "http://10.0.0.2, http://10.0.0.2:80",
    "http://10.0.0.2:81/, http://10.0.0.2:81",
    "HTTP://10.0.0.2:81, http://10.0.0.2:81",
    "https://pvs.lan, https://pvs.lan:443",
    "https://pvs.lan:8443/cgi-bin/dl_cgi/, https://pvs.lan:8443/cgi-bin/dl_cgi",
    "http://[::1]:9000/api//, http://[::1]:9000/api"
  })
  void buildsBaseUri(String text, String expected) {
    assertThat(DeviceAddress.parse(text, "http", 80)).isEqualTo(URI.create(expected));
  }

  @Test
  void usesDefaultSchemeAndPortOfTheFamily() {
    assertThat(DeviceAddress.parse("gateway.lan", "https", 8443))
        .isEqualTo(URI.create("https://gateway.lan:8443"));
    assertThat(DeviceAddress.parse("http://gateway.lan", "https", 8443))
        .isEqualTo(URI.create("http://gateway.lan:80"));
    assertThat(DeviceAddress.parse("https://gateway.lan", "https", 8443))
        .isEqualTo(URI.create("https://gateway.lan:8443"));
  }

  @ParameterizedTest(name = "{0} is refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://host|invalid address \"ftp://host\": scheme must be http or https",
        "http://|invalid address \"http://\": missing host",
        "http://:80|invalid address \"http://:80\": missing host",
        ":80|invalid address \":80\": missing host",
        "host:0|invalid address \"host:0\": port must be 1-65535",
        "host:99999|invalid address \"host:99999\": invalid port \"99999\" (must be 0-65535)",
        "host:|invalid address \"host:\": missing port after \":\"",
        "http://host/x?a=1|invalid address \"http://host/x?a=1\": query strings and fragments are not allowed",
        "http://host#top|invalid address \"http://host#top\": query strings and fragments are not allowed",
        "fe80::1|invalid address \"fe80::1\": IPv6 addresses must be in brackets, like [::1]:9000",
        "bad_host!|invalid address \"bad_host!\": invalid host \"bad_host!\""
      })
  void rejectsInvalidAddresses(String text, String message) {
    assertThatThrownBy(() -> DeviceAddress.parse(text, "http", 80))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsEmpty() {
    assertThatThrownBy(() -> DeviceAddress.parse(" ", "http", 80)).hasMessage("address is empty");
  }

  @Test
  void rejectsCredentialsWithoutEchoingThem() {
    assertThatThrownBy(() -> DeviceAddress.parse("https://admin:hunter2@pvs.lan", "http", 80))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("credentials in the address are not allowed; put them in the device's own keys")
        .message()
        .doesNotContain("hunter2");
  }
}
