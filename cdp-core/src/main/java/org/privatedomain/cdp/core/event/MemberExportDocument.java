package org.privatedomain.cdp.core.event;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.privatedomain.cdp.core.member.MemberExport;

/** Everything held about a person (PIPL right of access): profile and merges, relationships, consent, history. */
public record MemberExportDocument(@JsonUnwrapped MemberExport export, List<RelationshipView> relationships,
        List<ConsentView> consentHistory, List<TimelineEntry> timeline) {
}
