package org.privatedomain.cdp.campaign.campaign;

/**
 * Reads one kind of {@link Audience} as SQL. Enrolment follows merges and leaves out erased persons itself, so a
 * source may return stale ids.
 */
public interface AudienceSource {

    /** Whether this source reads the audience's kind. */
    boolean reads(Audience audience);

    /** Readies the audience for a launch in the caller's transaction (a segment is refreshed); nothing by default. */
    default void prepare(String brandCode, Audience audience) {
    }

    AudienceQuery query(Audience audience);
}
