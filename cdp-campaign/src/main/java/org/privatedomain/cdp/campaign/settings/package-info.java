/**
 * A brand's campaign settings: frequency cap, quiet hours, webhook target and secret, cost per message and the
 * persistent brand holdout.
 */
@NamedInterface("settings")
package org.privatedomain.cdp.campaign.settings;

import org.springframework.modulith.NamedInterface;
