package dev.homeenergy.core;

/**
 * The parsed, typed result of one successful poll of a device. Each family has its own record;
 * its namings render it into samples, so the device is read once whatever the naming.
 */
public interface Reading {

  /** Endpoints that failed while the poll as a whole succeeded; empty for most devices. */
  default java.util.List<EndpointFailure> endpointFailures() {
    return java.util.List.of();
  }
}
