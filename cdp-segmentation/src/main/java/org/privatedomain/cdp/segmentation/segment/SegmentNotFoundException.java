package org.privatedomain.cdp.segmentation.segment;

import org.privatedomain.cdp.core.error.NotFoundException;

/** No segment with this id in the brand (a segment of another brand is not found either). */
class SegmentNotFoundException extends NotFoundException {

    SegmentNotFoundException(long id) {
        super("segment-not-found", "No segment " + id + ".");
    }
}
