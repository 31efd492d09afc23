/** Orders: what people buy, with refunds and the referral that brought the order. */
@NamedInterface("order")
package org.privatedomain.cdp.core.order;

import org.springframework.modulith.NamedInterface;
