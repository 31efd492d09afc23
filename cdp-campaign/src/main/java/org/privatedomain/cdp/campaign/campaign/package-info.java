/**
 * Campaigns: the aggregate and its states, audiences frozen at launch, holdouts, consent and frequency cap at
 * enrolment, coupons, and lifecycle triggers that enrol persons by themselves.
 */
@NamedInterface("campaign")
package org.privatedomain.cdp.campaign.campaign;

import org.springframework.modulith.NamedInterface;
