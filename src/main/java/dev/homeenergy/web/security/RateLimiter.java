package dev.homeenergy.web.security;

import java.util.Optional;

/**
 * The web configuration's {@code rate_limit} as a token bucket shared by all requests: {@code
 * burst} tokens, one more each {@code interval}; a request finding none gets 429.
 */
public final class RateLimiter {
  private double tokens = -1;
  private long lastNanos;
  private WebSecurityConfig.RateLimit limit;

  synchronized boolean allow(Optional<WebSecurityConfig.RateLimit> configured) {
    if (configured.isEmpty()) {
      return true;
    }
    long now = System.nanoTime();
    WebSecurityConfig.RateLimit rate = configured.get();
    if (!rate.equals(limit) || tokens < 0) {
      limit = rate;
      tokens = rate.burst();
      lastNanos = now;
    }
    tokens =
        Math.min(rate.burst(), tokens + (now - lastNanos) / (double) rate.interval().toNanos());
    lastNanos = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
