package org.privatedomain.cdp.api.member;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.privatedomain.cdp.core.event.ConsentView;
import org.privatedomain.cdp.core.event.RelationshipView;
import org.privatedomain.cdp.core.member.MemberView;

/** The profile answer: the member with its relationships and consent (tier and RFM join when they exist). */
record MemberDetails(@JsonUnwrapped MemberView member, List<RelationshipView> relationships,
        List<ConsentView> consents) {
}
