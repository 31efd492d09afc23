package org.privatedomain.cdp.campaign.campaign;

import java.util.Map;
import org.springframework.stereotype.Component;

/** The members carrying a tag ({@code core.member_tag}) at launch. */
@Component
class TagAudience implements AudienceSource {

    @Override
    public boolean reads(Audience audience) {
        return audience.tag() != null;
    }

    @Override
    public AudienceQuery query(Audience audience) {
        return new AudienceQuery("select member_id from core.member_tag where brand_id = :brand and tag = :audienceTag",
                Map.of("audienceTag", audience.tag()));
    }
}
