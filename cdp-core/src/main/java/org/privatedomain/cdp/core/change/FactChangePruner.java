package org.privatedomain.cdp.core.change;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the fact journal to its retention ({@code cdp.journal.retention}, default 7 days), hourly. */
@Component
@EnableScheduling
class FactChangePruner {

    private static final Logger log = LoggerFactory.getLogger(FactChangePruner.class);

    private final FactChanges changes;
    private final Duration retention;

    FactChangePruner(FactChanges changes, @Value("${cdp.journal.retention:P7D}") Duration retention) {
        this.changes = changes;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${cdp.journal.prune-interval:PT1H}")
    void prune() {
        int pruned = changes.prune(retention);
        if (pruned > 0) {
            log.info("Pruned {} fact journal rows older than {}.", pruned, retention);
        }
    }
}
