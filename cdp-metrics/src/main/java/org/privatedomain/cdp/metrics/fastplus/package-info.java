/**
 * The FAST+ indicators of fast-plus.md per period (Capital, Conversion, Connection per field, CLV and persons per
 * tier), kept per period and recomputed when late data touches it; the persons behind each figure; a person's
 * CLV with the orders that make up its propagation value.
 */
@NamedInterface("fastplus")
package org.privatedomain.cdp.metrics.fastplus;

import org.springframework.modulith.NamedInterface;
