package dev.homeenergy.output.mqtt;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Home Assistant MQTT discovery messages of one configured device, one per entity: the entity's
 * classes and unit, where its state and availability are, and the {@code device} and {@code origin}
 * blocks, so that Home Assistant creates the device and its entities by itself.
 */
final class Discovery {
  static final String ORIGIN_NAME = "home-energy-exporter";
  static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private final Topics topics;
  private final String version;
  private final int qos;

  /**
   * @param version the exporter's version, for the {@code origin} block
   * @param qos the quality of service Home Assistant subscribes with
   */
  Discovery(Topics topics, String version, int qos) {
    this.topics = topics;
    this.version = version;
    this.qos = qos;
  }

  /** Each entity's discovery topic and payload, in the view's order. */
  Map<String, String> messages(String deviceName, DeviceView view) {
    Map<String, String> messages = new LinkedHashMap<>();
    for (Entity entity : view.entities()) {
      messages.put(topics.config(deviceName, entity), text(payload(deviceName, entity)));
    }
    return messages;
  }

  ObjectNode payload(String deviceName, Entity entity) {
    ObjectNode out = JSON.createObjectNode();
    out.put("name", entity.name());
    out.put("unique_id", DeviceView.deviceId(deviceName) + "_" + entity.key());
    out.put("state_topic", topics.state(deviceName));
    out.put("value_template", "{{ value_json." + entity.key() + " }}");
    HomeAssistantClass kind = entity.kind();
    putIfSet(out, "device_class", kind.deviceClass());
    putIfSet(out, "state_class", kind.stateClass());
    putIfSet(out, "unit_of_measurement", kind.unit());
    if (!entity.options().isEmpty()) {
      ArrayNode options = out.putArray("options");
      entity.options().forEach(options::add);
    }
    if (kind.value() == HomeAssistantClass.ValueKind.ON_OFF) {
      out.put("payload_on", "ON");
      out.put("payload_off", "OFF");
    }
    ArrayNode availability = out.putArray("availability");
    availability.addObject().put("topic", topics.status());
    availability.addObject().put("topic", topics.availability(deviceName));
    out.put("availability_mode", "all");
    out.put("qos", qos);
    ObjectNode device = out.putObject("device");
    PhysicalDevice physical = entity.device();
    device.putArray("identifiers").add(physical.id());
    device.put("name", physical.name());
    putIfSet(device, "model", physical.model());
    putIfSet(device, "serial_number", physical.serial());
    putIfSet(device, "sw_version", physical.firmware());
    putIfSet(device, "via_device", physical.viaId());
    ObjectNode origin = out.putObject("origin");
    origin.put("name", ORIGIN_NAME);
    origin.put("sw_version", version);
    return out;
  }

  static String text(Object json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }
}
