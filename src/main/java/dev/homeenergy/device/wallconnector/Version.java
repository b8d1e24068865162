package dev.homeenergy.device.wallconnector;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code GET /api/1/version}. Older firmware lacks {@code git_branch} and {@code
 * web_service}; the IEEE 1547 CRCs are listed by third-party tools but no capture shows them.
 */
public record Version(
    @JsonProperty("firmware_version") String firmwareVersion,
    @JsonProperty("git_branch") String gitBranch,
    @JsonProperty("part_number") String partNumber,
    @JsonProperty("serial_number") String serialNumber,
    @JsonProperty("web_service") String webService,
    @JsonProperty("IEEE1547CombinedComplianceCrc") String ieee1547CombinedComplianceCrc,
    @JsonProperty("IEEE1547RideThruMomentaryCessationCrc")
        String ieee1547RideThruMomentaryCessationCrc,
    @JsonProperty("IEEE1547VfTripsCrc") String ieee1547VfTripsCrc) {}
