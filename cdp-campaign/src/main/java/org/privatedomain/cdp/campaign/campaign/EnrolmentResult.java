package org.privatedomain.cdp.campaign.campaign;

/**
 * What one enrolment did: persons (per occurrence) who entered the audience, and why those without a message
 * got none.
 */
public record EnrolmentResult(long entered, long campaignHoldout, long brandHoldout, long noConsent, long capped,
        long noCoupon, long messages) {
}
