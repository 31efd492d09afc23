package org.privatedomain.cdp.core.event;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.privatedomain.cdp.core.member.MemberView;

/** The profile answer: the member with its relationships and consent (the API adds tier and RFM from segmentation). */
public record MemberDetails(@JsonUnwrapped MemberView member, List<RelationshipView> relationships,
        List<ConsentView> consents) {
}
