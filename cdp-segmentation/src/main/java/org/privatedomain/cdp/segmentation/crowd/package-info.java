/**
 * The crowd matrix (人群矩阵) of fast-plus.md: per period, tier x purchase-value band x propagation band, with
 * persons, own GMV, propagation GMV and average order value per cell.
 */
@NamedInterface("crowd")
package org.privatedomain.cdp.segmentation.crowd;

import org.springframework.modulith.NamedInterface;
