package dev.homeenergy.core;

/**
 * Renders one family's reading into samples under one naming scheme.
 *
 * @param <R> the family's reading type
 */
@FunctionalInterface
public interface Naming<R extends Reading> {

  /**
   * @param reading the parsed reading
   * @param deviceName the configured device name (native namings use it as the {@code device}
   *     label; compat namings add no label the replaced exporter did not have)
   * @param out where samples go
   */
  void render(R reading, String deviceName, Samples.Builder out);
}
