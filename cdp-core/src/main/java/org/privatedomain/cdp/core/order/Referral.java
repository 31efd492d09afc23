package org.privatedomain.cdp.core.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.identity.Identity;

/** How an order came through another person: the share it came through, or the sharer named directly. */
public record Referral(@Pattern(regexp = NewEvent.ID_PATTERN) String shareId, @Valid Identity sharer) {
}
