package dev.homeenergy.simulator;

import java.net.URI;

/** A running simulated device. Closing it stops its server. */
public interface Simulator extends AutoCloseable {

  /** Base URI to configure as the device's {@code address}, e.g. {@code http://127.0.0.1:41234}. */
  URI baseUri();

  @Override
  void close();
}
