/**
 * Events and what they build: relationship intervals per field and membership, consent per purpose and
 * channel, and the person's timeline. Everything is derived by event time, so late and out-of-order events
 * give the same result as ordered ones.
 */
@NamedInterface("event")
package org.privatedomain.cdp.core.event;

import org.springframework.modulith.NamedInterface;
