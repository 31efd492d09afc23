/**
 * Each person's purchase history in one row (the days with a qualifying order, and running counts and net amounts
 * up to each day), derived from the orders and kept fresh from the fact journal, so that order conditions over
 * whole days read one row per person rather than every order.
 */
@NamedInterface("purchase")
package org.privatedomain.cdp.segmentation.purchase;

import org.springframework.modulith.NamedInterface;
