package org.privatedomain.cdp.api.member;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.privatedomain.cdp.api.segmentation.RfmAnswers;
import org.privatedomain.cdp.api.segmentation.TierAnswers;
import org.privatedomain.cdp.core.event.MemberDetails;

/** The profile answer: the member with relationships and consent, the current tier and RFM. */
record Profile(@JsonUnwrapped MemberDetails details, TierAnswers.PersonTier tier, RfmAnswers.PersonRfm rfm) {
}
