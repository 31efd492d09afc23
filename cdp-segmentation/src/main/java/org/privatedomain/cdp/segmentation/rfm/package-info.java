/** RFM scores 1..5 and the eight classic RFM segments as of a date (fast-plus.md, "RFM"). */
@NamedInterface("rfm")
package org.privatedomain.cdp.segmentation.rfm;

import org.springframework.modulith.NamedInterface;
