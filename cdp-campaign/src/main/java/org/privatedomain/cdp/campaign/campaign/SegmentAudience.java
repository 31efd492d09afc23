package org.privatedomain.cdp.campaign.campaign;

import java.util.Map;
import org.privatedomain.cdp.segmentation.segment.SegmentService;
import org.springframework.stereotype.Component;

/**
 * The members of a saved segment, refreshed at launch (with the segments it uses, their rules compiled before the
 * launch's transaction) and frozen from there on.
 */
@Component
class SegmentAudience implements AudienceSource {

    private final SegmentService segments;

    SegmentAudience(SegmentService segments) {
        this.segments = segments;
    }

    @Override
    public boolean reads(Audience audience) {
        return audience.segmentId() != null;
    }

    @Override
    public Runnable prepare(String brandCode, Audience audience) {
        return segments.prepareRefresh(brandCode, audience.segmentId())::get;
    }

    @Override
    public AudienceQuery query(Audience audience) {
        return new AudienceQuery("""
                select member_id from segmentation.segment_member
                 where brand_id = :brand and segment_id = :audienceSegment""",
                Map.of("audienceSegment", audience.segmentId()));
    }
}
