package org.privatedomain.cdp.campaign.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.privatedomain.cdp.segmentation.tier.Tier;

/** What starts a lifecycle campaign's message: {@code days} for WIN_BACK, {@code tier} for TIER_UPGRADE. */
public record Trigger(@NotNull TriggerType type, @Min(1) @Max(3650) Integer days, Tier tier) {
}
