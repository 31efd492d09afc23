package org.privatedomain.cdp.campaign.campaign;

import java.util.Map;

/**
 * An audience as SQL: a select of one column {@code member_id} of the brand bound to {@code :brand}, with its
 * own named parameters (prefixed {@code audience} so they never clash with enrolment's). The select is run inside
 * enrolment's {@code insert ... select}, so an audience of millions never passes through the JVM.
 */
public record AudienceQuery(String sql, Map<String, Object> params) {
}
