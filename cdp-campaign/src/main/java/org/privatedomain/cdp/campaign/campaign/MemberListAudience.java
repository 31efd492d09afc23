package org.privatedomain.cdp.campaign.campaign;

import java.util.Map;
import org.springframework.stereotype.Component;

/** An explicit list of member ids; ids of other brands or of nobody match no member and drop out. */
@Component
class MemberListAudience implements AudienceSource {

    @Override
    public boolean reads(Audience audience) {
        return audience.memberIds() != null;
    }

    @Override
    public AudienceQuery query(Audience audience) {
        return new AudienceQuery("select distinct unnest(cast(:audienceMembers as bigint[])) as member_id",
                Map.of("audienceMembers", audience.memberIds().toArray(Long[]::new)));
    }
}
