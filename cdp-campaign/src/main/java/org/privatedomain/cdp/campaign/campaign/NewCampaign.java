package org.privatedomain.cdp.campaign.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.privatedomain.cdp.campaign.delivery.Channel;

/**
 * A campaign as written: either an {@code audience} (one-off) or a {@code trigger} (lifecycle).
 *
 * @param template         the content, with per-person variables {@code {{name}}}, {{city}}, {{province}} and
 *                         {@code {{coupon}}} (one code of the campaign's pool per person)
 * @param holdoutShare     the share of the audience held out for measurement, 0 to 0.5 (default 0.1)
 * @param attributionDays  how long after a send (or, for the holdout, after enrolment) an order counts (default 7)
 * @param scheduledAt      when a scheduled campaign launches
 */
public record NewCampaign(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String goal,
        @Valid Audience audience,
        @Valid Trigger trigger,
        @NotNull Channel channel,
        @NotBlank @Size(max = 4000) String template,
        @DecimalMin("0") @DecimalMax("0.5") BigDecimal holdoutShare,
        @Min(1) @Max(90) Integer attributionDays,
        OffsetDateTime scheduledAt) {
}
