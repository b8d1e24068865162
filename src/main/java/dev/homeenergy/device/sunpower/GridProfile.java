package dev.homeenergy.device.sunpower;

/**
 * The active grid profile from {@code GridProfileGet}.
 *
 * @param activeId {@code active_id} (SHA-1 hex)
 * @param activeName {@code active_name}
 * @param percent {@code percent} as text ({@code 100}), as the Python exporter labelled it
 * @param status {@code status}
 */
public record GridProfile(String activeId, String activeName, String percent, String status) {}
