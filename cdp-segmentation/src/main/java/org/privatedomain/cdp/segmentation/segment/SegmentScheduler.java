package org.privatedomain.cdp.segmentation.segment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Refreshes segments whose {@code refreshSchedule} is due, polling every {@code cdp.segments.poll-interval}
 * (default one minute). {@code cdp.segments.scheduled-refresh=false} turns it off (tests do, to refresh only
 * when they say so). Several instances may poll: each due segment is claimed by one.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "cdp.segments.scheduled-refresh", havingValue = "true", matchIfMissing = true)
class SegmentScheduler {

    private static final Logger log = LoggerFactory.getLogger(SegmentScheduler.class);

    private final SegmentService segments;

    SegmentScheduler(SegmentService segments) {
        this.segments = segments;
    }

    @Scheduled(fixedDelayString = "${cdp.segments.poll-interval:PT1M}", initialDelayString = "${cdp.segments.poll-interval:PT1M}")
    void refreshDue() {
        try {
            int refreshed = segments.refreshDue();
            if (refreshed > 0) {
                log.info("Refreshed {} segment(s) on schedule.", refreshed);
            }
        } catch (RuntimeException failure) {
            log.warn("A scheduled segment refresh failed; the next poll tries again.", failure);
        }
    }
}
