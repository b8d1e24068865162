package dev.homeenergy.web.security;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The web configuration's {@code rate_limit} as token buckets per client address: {@code burst}
 * tokens, one more each {@code interval}; a request finding none gets 429. Authenticated requests
 * draw from their own bucket per address, so unauthenticated traffic (a flood of {@code
 * /-/healthy}, wrong passwords) cannot spend the budget of authenticated scrapes. At most {@link
 * #MAX_BUCKETS} buckets are kept; the least recently used goes first, and a bucket idle long enough
 * to be full again is dropped, since a fresh one is the same.
 */
public final class RateLimiter {
  /** The most buckets kept at once, whatever the number of client addresses. */
  public static final int MAX_BUCKETS = 4096;

  private final LongSupplier nanoTime;
  private final int maxBuckets;
  private final LinkedHashMap<Key, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);
  private WebSecurityConfig.RateLimit limit;

  /** A limiter on the system's monotonic clock. */
  public RateLimiter() {
    this(System::nanoTime, MAX_BUCKETS);
  }

  RateLimiter(LongSupplier nanoTime, int maxBuckets) {
    this.nanoTime = nanoTime;
    this.maxBuckets = maxBuckets;
  }

  /**
   * Takes a token from the bucket of {@code client} (the authenticated one when {@code
   * authenticated}); true when there was one or no limit is configured.
   */
  synchronized boolean allow(
      Optional<WebSecurityConfig.RateLimit> configured, InetAddress client, boolean authenticated) {
    if (configured.isEmpty()) {
      buckets.clear();
      return true;
    }
    WebSecurityConfig.RateLimit rate = configured.get();
    if (!rate.equals(limit)) {
      limit = rate;
      buckets.clear();
    }
    long now = nanoTime.getAsLong();
    evictIdle(now, rate);
    Key key = new Key(client, authenticated);
    Bucket bucket = buckets.get(key);
    double tokens =
        bucket == null
            ? rate.burst()
            : Math.min(
                rate.burst(),
                bucket.tokens() + (now - bucket.lastNanos()) / (double) rate.interval().toNanos());
    boolean allowed = tokens >= 1;
    if (bucket == null && buckets.size() >= maxBuckets) {
      Iterator<Bucket> eldest = buckets.values().iterator();
      eldest.next();
      eldest.remove();
    }
    buckets.put(key, new Bucket(allowed ? tokens - 1 : tokens, now));
    return allowed;
  }

  /** How many buckets are held; bounded by the maximum whatever the traffic. */
  synchronized int size() {
    return buckets.size();
  }

  private void evictIdle(long now, WebSecurityConfig.RateLimit rate) {
    double refill = rate.interval().toNanos() * (double) rate.burst();
    Iterator<Map.Entry<Key, Bucket>> oldest = buckets.entrySet().iterator();
    while (oldest.hasNext() && now - oldest.next().getValue().lastNanos() >= refill) {
      oldest.remove();
    }
  }

  private record Key(InetAddress client, boolean authenticated) {}

  private record Bucket(double tokens, long lastNanos) {}
}
