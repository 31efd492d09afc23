/**
 * Delivery: the transactional outbox of messages, the dispatcher that claims, re-checks and sends them through
 * the channel adapters with retries, and the receipts that come back.
 */
@NamedInterface("delivery")
package org.privatedomain.cdp.campaign.delivery;

import org.springframework.modulith.NamedInterface;
