package org.privatedomain.cdp.segmentation.segment;

import java.time.Duration;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.segmentation.purchase.PurchaseHistories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Refreshes segments whose {@code refreshSchedule} is due, and brings the purchase histories of the brands using
 * them up to date (unless a load is under way), polling every {@code cdp.segments.poll-interval} (default one
 * minute). {@code cdp.segments.scheduled-refresh=false} turns it off (tests do, to refresh only when they say so).
 * Several instances may poll: each due segment is claimed by one, each brand's histories refreshed by one.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "cdp.segments.scheduled-refresh", havingValue = "true", matchIfMissing = true)
class SegmentScheduler {

    private static final Logger log = LoggerFactory.getLogger(SegmentScheduler.class);

    private final SegmentService segments;
    private final BrandService brands;
    private final PurchaseHistories purchases;
    private final Duration pollInterval;

    SegmentScheduler(SegmentService segments, BrandService brands, PurchaseHistories purchases,
            @Value("${cdp.segments.poll-interval:PT1M}") Duration pollInterval) {
        this.segments = segments;
        this.brands = brands;
        this.purchases = purchases;
        this.pollInterval = pollInterval;
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

    /**
     * Brings the purchase histories of the brands using them up to date; a brand whose orders were written within
     * the last poll is loading, and waits for the next poll when its histories would be computed whole.
     */
    @Scheduled(fixedDelayString = "${cdp.segments.poll-interval:PT1M}", initialDelayString = "${cdp.segments.poll-interval:PT1M}")
    void refreshPurchaseHistories() {
        for (long brandId : purchases.brandsKept()) {
            try {
                purchases.refreshUnlessLoading(brands.context(brands.codeOf(brandId)), pollInterval);
            } catch (RuntimeException failure) {
                log.warn("Refreshing the purchase histories of brand {} failed; the next poll tries again.",
                        brandId, failure);
            }
        }
    }
}
