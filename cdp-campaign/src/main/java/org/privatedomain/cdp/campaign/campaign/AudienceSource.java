package org.privatedomain.cdp.campaign.campaign;

/**
 * Reads one kind of {@link Audience} as SQL. Enrolment follows merges and leaves out erased persons itself, so a
 * source may return stale ids.
 */
public interface AudienceSource {

    /** Whether this source reads the audience's kind. */
    boolean reads(Audience audience);

    /**
     * Readies the audience for a launch, before the launch's transaction begins (a segment's rules are compiled,
     * which makes the facts they name fresh); answers what the launch then runs in its transaction (the segment is
     * refreshed). Nothing by default.
     */
    default Runnable prepare(String brandCode, Audience audience) {
        return () -> {
        };
    }

    AudienceQuery query(Audience audience);
}
