package org.privatedomain.cdp.campaign.settings;

import java.math.BigDecimal;
import java.time.Instant;

/** A brand's campaign settings as answered: the webhook secret only as whether one is set. */
public record CampaignSettingsView(Integer frequencyCap, int frequencyWindowHours, QuietHours quietHours,
        String webhookUrl, boolean webhookSecretSet, BigDecimal costPerMessage, BigDecimal persistentHoldoutShare,
        Instant updatedAt) {

    static final int DEFAULT_WINDOW_HOURS = 168;

    static CampaignSettingsView defaults() {
        return new CampaignSettingsView(null, DEFAULT_WINDOW_HOURS, null, null, false, BigDecimal.ZERO,
                BigDecimal.ZERO, null);
    }
}
