package dev.homeenergy.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Optional<WebSecurityConfig.RateLimit> THREE_PER_SECOND =
      Optional.of(new WebSecurityConfig.RateLimit(Duration.ofMillis(333), 3));

  private final AtomicLong nanos = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(nanos::get, 100);

  private static InetAddress address(int n) throws Exception {
    return InetAddress.getByAddress(new byte[] {10, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
  }

  private boolean allow(InetAddress client, boolean authenticated) {
    return limiter.allow(THREE_PER_SECOND, client, authenticated);
  }

  @Test
  void oneAddressFloodingDoesNotLimitAnother() throws Exception {
    InetAddress flooder = address(1);
    IntStream.range(0, 50).forEach(i -> allow(flooder, false));
    assertThat(allow(flooder, false)).isFalse();
    assertThat(allow(address(2), false)).isTrue();
  }

  @Test
  void anUnauthenticatedFloodDoesNotSpendTheAuthenticatedBudgetOfTheSameAddress() throws Exception {
    InetAddress prometheus = address(1);
    IntStream.range(0, 50).forEach(i -> allow(prometheus, false));
    assertThat(allow(prometheus, false)).isFalse();
    assertThat(allow(prometheus, true)).isTrue();
  }

  @Test
  void eachBucketHoldsBurstAndRefillsOnePerInterval() throws Exception {
    InetAddress client = address(1);
    assertThat(IntStream.range(0, 5).filter(i -> allow(client, false)).count()).isEqualTo(3);
    nanos.addAndGet(Duration.ofMillis(333).toNanos());
    assertThat(allow(client, false)).isTrue();
    assertThat(allow(client, false)).isFalse();
  }

  @Test
  void theBucketsStayBoundedUnderAFloodOfAddresses() throws Exception {
    for (int i = 0; i < 10_000; i++) {
      allow(address(i), false);
      assertThat(limiter.size()).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void idleBucketsAreDroppedOnceTheyWouldBeFullAgain() throws Exception {
    IntStream.range(0, 50).forEach(i -> allow(addressUnchecked(i), false));
    assertThat(limiter.size()).isEqualTo(50);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    allow(address(1000), false);
    assertThat(limiter.size()).isEqualTo(1);
  }

  @Test
  void withoutARateLimitEverythingPasses() throws Exception {
    IntStream.range(0, 50)
        .forEach(
            i -> assertThat(limiter.allow(Optional.empty(), addressUnchecked(1), false)).isTrue());
    assertThat(limiter.size()).isZero();
  }

  private static InetAddress addressUnchecked(int n) {
    try {
      return address(n);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
