package org.privatedomain.cdp.campaign.campaign;

/**
 * Reads one kind of {@link Audience}. The extension point for segments: add {@code Long segmentId} to
 * {@link Audience} (and to its {@code kinds()} count) and a source like
 * <pre>{@code
 * @Component
 * class SegmentAudience implements AudienceSource {
 *     public boolean reads(Audience audience) { return audience.segmentId() != null; }
 *     public AudienceQuery query(Audience audience) {
 *         return new AudienceQuery("select member_id from segmentation.segment_member"
 *                 + " where brand_id = :brand and segment_id = :audienceSegment",
 *                 Map.of("audienceSegment", audience.segmentId()));
 *     }
 * }
 * }</pre>
 * Enrolment follows merges and leaves out erased persons itself, so a source may return stale ids.
 */
public interface AudienceSource {

    /** Whether this source reads the audience's kind. */
    boolean reads(Audience audience);

    AudienceQuery query(Audience audience);
}
