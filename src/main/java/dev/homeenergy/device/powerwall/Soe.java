package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code GET /api/system_status/soe}: state of energy in percent (raw API scale). */
public record Soe(@JsonProperty("percentage") Double percentage) {}
