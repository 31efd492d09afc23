package org.privatedomain.cdp.core.member;

import java.time.Instant;
import org.privatedomain.cdp.core.identity.IdentityType;

/** An identity a member holds; personal values may be masked (see {@link Disclosure}). */
public record IdentityView(IdentityType type, String value, Instant since) {
}
