package dev.homeenergy.polling;

import dev.homeenergy.core.RawExchange;
import dev.homeenergy.core.RawRecorder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The latest exchange per endpoint of one device, for {@code /devices/NAME/raw}. */
public final class RawLog implements RawRecorder {
  private final ConcurrentMap<String, RawExchange> latest = new ConcurrentHashMap<>();

  @Override
  public void record(RawExchange exchange) {
    latest.put(exchange.endpoint(), exchange);
  }

  /** The latest exchanges, ordered by endpoint name. */
  public List<RawExchange> latest() {
    List<RawExchange> list = new ArrayList<>(latest.values());
    list.sort(Comparator.comparing(RawExchange::endpoint));
    return list;
  }
}
