package org.privatedomain.cdp.api.member;

import java.util.List;
import org.privatedomain.cdp.core.event.ConsentView;

/** A person's consent: the decision in force per purpose and channel, and every decision made. */
record Consents(List<ConsentView> current, List<ConsentView> history) {
}
