/**
 * Rule-based segments: a JSON rule (all/any/not over leaf conditions on profile, tags, identities,
 * relationships, membership, consent, orders, events and other segments) compiled to parameterised SQL, counted
 * on the fly or saved and materialised on refresh, in dependency order and on a schedule.
 */
@NamedInterface("segment")
package org.privatedomain.cdp.segmentation.segment;

import org.springframework.modulith.NamedInterface;
