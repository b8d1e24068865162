package dev.homeenergy.device.wallconnector;

/** One answer of the simulated unit, decided before it is (possibly later) sent. */
record SimulatorResponse(int status, String contentType, String body) {

  static final String JSON = "application/json";
  static final String TEXT = "text/plain; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";

  static SimulatorResponse json(String body) {
    return new SimulatorResponse(200, JSON, body);
  }

  static SimulatorResponse text(int status, String body) {
    return new SimulatorResponse(status, TEXT, body);
  }
}
