package dev.homeenergy.core;

/** Receives every exchange a device makes, keeping the latest per endpoint. */
@FunctionalInterface
public interface RawRecorder {
  void record(RawExchange exchange);

  static RawRecorder discarding() {
    return exchange -> {};
  }
}
