package dev.homeenergy.devicehttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginGateTest {
  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final LoginGate gate = new LoginGate(clock, Duration.ofMinutes(1), Duration.ofMinutes(5));

  @Test
  void delaysDoubleUpToTheMaximum() {
    assertThat(gate.delay(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(gate.delay(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(gate.delay(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(gate.delay(4)).isEqualTo(Duration.ofMinutes(5));
    assertThat(gate.delay(40)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aFailureClosesTheGateUntilItsDelayHasPassedAndASuccessOpensIt() throws Exception {
    gate.failed(new PollException(FailureReason.AUTH, "auth: HTTP 401"));

    clock.advance(Duration.ofSeconds(59));
    assertThatThrownBy(gate::checkOpen)
        .isInstanceOf(PollException.class)
        .hasMessage(
            "not logging in until 2026-01-01T00:01:00Z (in 1 s) after 1 failed login(s); last: auth: HTTP 401");
    clock.advance(Duration.ofSeconds(1));
    gate.checkOpen();

    gate.failed(new PollException(FailureReason.RATE_LIMITED, "auth: HTTP 429"));
    assertThatThrownBy(gate::checkOpen)
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.RATE_LIMITED));
    gate.succeeded();
    gate.checkOpen();
  }

  @Test
  void onlyAuthAndRateLimitedCloseTheGate() {
    assertThat(LoginGate.closesOn(FailureReason.AUTH)).isTrue();
    assertThat(LoginGate.closesOn(FailureReason.RATE_LIMITED)).isTrue();
    assertThat(LoginGate.closesOn(FailureReason.TIMEOUT)).isFalse();
  }
}
