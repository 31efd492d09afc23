package org.privatedomain.cdp.segmentation.segment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * A segment as it is saved: a name unique in the brand, the rule (see the README's rule language), and an
 * optional refresh schedule, an ISO-8601 duration between {@code PT5M} and {@code P31D} ({@code PT1H}: hourly).
 */
public record SegmentDefinition(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotNull JsonNode rule,
        @Size(max = 32) String refreshSchedule) {
}
