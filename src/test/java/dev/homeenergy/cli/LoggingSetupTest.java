package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoggingSetupTest {
  private final LoggerContext context = new LoggerContext();

  private String render(String format) {
    LoggingEvent event =
        new LoggingEvent(
            "x",
            context.getLogger("dev.homeenergy.polling.Poller"),
            Level.WARN,
            "device {} poll failed: {}",
            null,
            new Object[] {"garage", "vitals: \"HTTP 500\""});
    event.addKeyValuePair(new org.slf4j.event.KeyValuePair("device", "garage"));
    event.addKeyValuePair(new org.slf4j.event.KeyValuePair("reason", "http_status"));
    return new String(LoggingSetup.encoder(format, context).encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void textIsOneReadableLine() {
    assertThat(render("text"))
        .matches("\\S+ WARN  Poller: device garage poll failed: vitals: \"HTTP 500\"\\R");
  }

  @Test
  void logfmtQuotesTheMessageAndAddsKeyValuePairs() {
    assertThat(render("logfmt"))
        .matches(
            "time=\\S+ level=WARN logger=Poller "
                + "msg=\"device garage poll failed: vitals: \\\\\"HTTP 500\\\\\"\" device=\"garage\" reason=\"http_status\"\\R");
  }

  @Test
  void jsonCarriesTheFormattedMessageAndPairs() {
    assertThat(render("json"))
        .contains("\"level\":\"WARN\"")
        .contains("\"formattedMessage\":\"device garage poll failed: vitals: \\\"HTTP 500\\\"\"")
        .contains("{\"device\":\"garage\"}")
        .doesNotContain("\"arguments\"");
  }
}
