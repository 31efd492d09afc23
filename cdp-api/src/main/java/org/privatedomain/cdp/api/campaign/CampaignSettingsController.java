package org.privatedomain.cdp.api.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.privatedomain.cdp.api.security.Access;
import org.privatedomain.cdp.campaign.settings.CampaignSettings;
import org.privatedomain.cdp.campaign.settings.CampaignSettingsService;
import org.privatedomain.cdp.campaign.settings.CampaignSettingsView;
import org.privatedomain.cdp.core.access.BrandRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/brands/{brandCode}/campaign-settings")
@Tag(name = "Campaigns")
class CampaignSettingsController {

    private final CampaignSettingsService settings;

    CampaignSettingsController(CampaignSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "Frequency cap, quiet hours, webhook URL, cost per message, persistent holdout",
            description = "The webhook secret is never answered, only whether one is set.")
    CampaignSettingsView get(@PathVariable String brandCode) {
        return settings.get(brandCode);
    }

    @PutMapping
    @Access(brandRole = BrandRole.ADMIN)
    @Operation(summary = "Replace the campaign settings (brand ADMIN)",
            description = "webhookSecret left out keeps the stored one.")
    CampaignSettingsView change(@PathVariable String brandCode, @RequestBody CampaignSettings body) {
        return settings.change(brandCode, body);
    }
}
