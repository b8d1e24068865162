package dev.homeenergy.device.tesla;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeenergy.core.EndpointFailure;
import java.util.List;
import java.util.Map;

/**
 * One energy site (Powerwall, solar) of the account.
 *
 * @param id {@code energy_site_id}
 * @param name {@code site_name} from products (else from site_info), or empty
 * @param resourceType {@code battery} or {@code solar}, or empty
 * @param live its {@code live_status}, or null when not read or failed
 * @param info its {@code site_info}, or null when not read or failed
 */
public record EnergySite(
    String id, String name, String resourceType, EnergySiteLive live, EnergySiteInfo info) {

  static EnergySite parse(
      JsonNode product,
      Map<String, String> liveStatus,
      Map<String, String> siteInfo,
      List<EndpointFailure> failures) {
    String id = TeslaReading.text(product, "energy_site_id");
    JsonNode live = TeslaReading.optionalObject(TeslaReading.LIVE_STATUS, id, liveStatus, failures);
    JsonNode info = TeslaReading.optionalObject(TeslaReading.SITE_INFO, id, siteInfo, failures);
    String name = TeslaReading.text(product, "site_name");
    if (name == null) {
      name = TeslaReading.text(info, "site_name");
    }
    String type = TeslaReading.text(product, "resource_type");
    return new EnergySite(
        id,
        name == null ? "" : name,
        type == null ? "" : type,
        live == null ? null : EnergySiteLive.of(live),
        info == null ? null : EnergySiteInfo.of(info));
  }
}
