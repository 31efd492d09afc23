package org.privatedomain.cdp.campaign.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A brand's campaign settings as written. {@code PUT} replaces them whole, except {@code webhookSecret}: left
 * out (null), the stored secret stays; it is never answered back.
 *
 * @param frequencyCap           at most this many messages per person in the rolling window, across campaigns; null
 *                               for no cap
 * @param frequencyWindowHours   the rolling window of the cap, in hours (default 168, a week)
 * @param quietHours             local times without messages; null for none
 * @param webhookUrl             where the WEBHOOK channel posts each message
 * @param webhookSecret          the HMAC-SHA256 key of the webhook signature, 16 to 200 characters
 * @param costPerMessage         what one sent message costs, for the report's cost and ROI (default 0)
 * @param persistentHoldoutShare the share of the brand's persons held out of every campaign, 0 to 0.5 (default 0)
 */
public record CampaignSettings(
        @Min(1) @Max(1000) Integer frequencyCap,
        @Min(1) @Max(8784) Integer frequencyWindowHours,
        @Valid QuietHours quietHours,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String webhookUrl,
        @Size(min = 16, max = 200) String webhookSecret,
        @DecimalMin("0") @DecimalMax("1000000") BigDecimal costPerMessage,
        @DecimalMin("0") @DecimalMax("0.5") BigDecimal persistentHoldoutShare) {
}
