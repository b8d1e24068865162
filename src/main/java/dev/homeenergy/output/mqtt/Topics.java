package dev.homeenergy.output.mqtt;

/**
 * The topics of one exporter: its own status, each device's state and availability under {@code
 * topic_prefix}, and the discovery topics under Home Assistant's prefix.
 */
record Topics(String prefix, String discoveryPrefix) {

  /** Retained {@code online} while the exporter is connected, {@code offline} otherwise. */
  String status() {
    return prefix + "/status";
  }

  String state(String deviceName) {
    return prefix + "/" + deviceName + "/state";
  }

  String availability(String deviceName) {
    return prefix + "/" + deviceName + "/availability";
  }

  /** {@code <discovery prefix>/<component>/<node id>/<object id>/config}. */
  String config(String deviceName, Entity entity) {
    return discoveryPrefix
        + "/"
        + entity.kind().component()
        + "/"
        + DeviceView.slug(deviceName)
        + "/"
        + entity.key()
        + "/config";
  }
}
