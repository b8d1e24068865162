package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS = List.of("interval", "timeout", "name", "naming");

  @Test
  void suggestsCloseKeys() {
    assertThat(Suggestions.closest("intervall", KEYS)).contains("interval");
    assertThat(Suggestions.closest("timout", KEYS)).contains("timeout");
    assertThat(Suggestions.closest("nmae", KEYS)).contains("name");
    assertThat(Suggestions.closest("Naming", KEYS)).contains("naming");
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertThat(Suggestions.closest("password", KEYS)).isEmpty();
    assertThat(Suggestions.closest("tls", KEYS)).isEmpty();
    assertThat(Suggestions.hint("x", KEYS)).isEmpty();
  }
}
