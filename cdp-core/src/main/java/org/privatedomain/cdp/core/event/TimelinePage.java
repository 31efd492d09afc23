package org.privatedomain.cdp.core.event;

import java.util.List;

/** A page of the timeline, newest first; pass {@code next} as {@code before} for the next page (null: the end). */
public record TimelinePage(List<TimelineEntry> items, String next) {
}
