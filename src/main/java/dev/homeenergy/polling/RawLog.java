package dev.homeenergy.polling;

import dev.homeenergy.core.RawExchange;
import dev.homeenergy.core.RawRecorder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The latest exchange per endpoint of one device, for {@code /devices/NAME/raw}. It keeps at most
 * {@link #MAX_BODY_CHARS} of each body (real bodies are at most a few tens of KB), so what the raw
 * view holds per device is bounded by its endpoints, whatever a device answers; a longer body is
 * kept cut, ending in a marker that says so.
 */
public final class RawLog implements RawRecorder {
  /** The most characters of one body kept. */
  public static final int MAX_BODY_CHARS = 256 * 1024;

  private final ConcurrentMap<String, RawExchange> latest = new ConcurrentHashMap<>();

  @Override
  public void record(RawExchange exchange) {
    latest.put(exchange.endpoint(), kept(exchange));
  }

  /** The latest exchanges, ordered by endpoint name. */
  public List<RawExchange> latest() {
    List<RawExchange> list = new ArrayList<>(latest.values());
    list.sort(Comparator.comparing(RawExchange::endpoint));
    return list;
  }

  /** The exchange with its body cut to {@link #MAX_BODY_CHARS} and marked when it was longer. */
  static RawExchange kept(RawExchange exchange) {
    String body = exchange.body();
    if (body == null || body.length() <= MAX_BODY_CHARS) {
      return exchange;
    }
    String cut =
        body.substring(0, MAX_BODY_CHARS)
            + "\n[truncated: the body was "
            + body.length()
            + " characters; the raw view keeps the first "
            + MAX_BODY_CHARS
            + "]";
    return new RawExchange(
        exchange.endpoint(),
        exchange.url(),
        exchange.status(),
        exchange.at(),
        exchange.took(),
        cut,
        exchange.error());
  }
}
