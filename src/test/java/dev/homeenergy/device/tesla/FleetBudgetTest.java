package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.testing.MutableClock;
import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FleetBudgetTest {
  private final MutableClock clock = MutableClock.at("2026-11-01T00:00:00Z");

  @Test
  void aPollerFollowingTheSpacingSpendsTheBudgetOverTheWholeMonthAndNeverMore() {
    FleetBudget budget = new FleetBudget(10, clock);
    int cars = 2;
    long rounds = 0;
    double spent = 0;
    while (clock.instant().isBefore(java.time.Instant.parse("2026-12-01T00:00:00Z"))) {
      Duration wanted = Duration.ofMinutes(5);
      Duration spacing = budget.spacing(FleetRequestKind.DATA, cars);
      clock.advance(spacing.compareTo(wanted) > 0 ? spacing : wanted);
      if (!clock.instant().isBefore(java.time.Instant.parse("2026-12-01T00:00:00Z"))) {
        break;
      }
      for (int car = 0; car < cars; car++) {
        if (budget.allows(FleetRequestKind.DATA)) {
          budget.record(FleetRequestKind.DATA);
          spent += FleetRequestKind.DATA.dollars();
        }
      }
      rounds++;
      assertThat(budget.dollarsThisMonth()).isLessThanOrEqualTo(10.0 + 1e-9);
    }
    assertThat(spent).isBetween(9.0, 10.0 + 1e-9);
    assertThat(rounds).isBetween(2_250L, 2_500L);
  }

  @Test
  void theHardCapRefusesTheRequestThatWouldGoOver() {
    FleetBudget budget = new FleetBudget(0.05, clock);
    budget.record(FleetRequestKind.WAKE);
    budget.record(FleetRequestKind.WAKE);
    assertThat(budget.allows(FleetRequestKind.DATA)).isTrue();
    assertThat(budget.allows(FleetRequestKind.WAKE)).isFalse();
    assertThat(budget.spacing(FleetRequestKind.WAKE, 1)).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void aNewMonthStartsAFreshBudgetButTotalsKeepCounting() {
    FleetBudget budget = new FleetBudget(0.02, clock);
    budget.record(FleetRequestKind.WAKE);
    assertThat(budget.allows(FleetRequestKind.WAKE)).isFalse();
    clock.set(java.time.Instant.parse("2026-12-01T00:00:01Z"));
    assertThat(budget.allows(FleetRequestKind.WAKE)).isTrue();
    budget.record(FleetRequestKind.DATA);
    TeslaResponses.FleetUsage usage = budget.usage(null);
    assertThat(usage.requestsByKind())
        .containsEntry("wake", 1L)
        .containsEntry("data", 1L)
        .containsEntry("command", 0L);
    assertThat(usage.dollarsSpent()).isCloseTo(0.022, Offset.offset(1e-9));
    assertThat(usage.budgetDollars()).isEqualTo(0.02);
  }

  @Test
  void theProjectionExtrapolatesThePaceSinceTheMonthBegan() {
    FleetBudget budget = new FleetBudget(10, clock);
    clock.advance(Duration.ofDays(3));
    for (int i = 0; i < 500; i++) {
      budget.record(FleetRequestKind.DATA);
    }
    assertThat(budget.projectedMonthDollars()).isCloseTo(10.0, Offset.offset(1e-6));
  }

  @Test
  void aNegativeBudgetIsRefused() {
    assertThatThrownBy(() -> new FleetBudget(-1, clock)).hasMessageContaining("budget_dollars");
  }
}
