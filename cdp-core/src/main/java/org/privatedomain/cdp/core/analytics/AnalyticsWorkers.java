package org.privatedomain.cdp.core.analytics;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs independent brand-wide computations side by side (the tiers of two periods, say): PostgreSQL runs an
 * {@code INSERT ... SELECT} or a {@code CREATE TABLE AS} of a tier query in one process, so one computation keeps
 * one core busy. A fixed number of workers for the whole service ({@code cdp.analytics.workers}, default 2, the
 * cores of the reference machine) bounds the connections and cores they take, however many requests ask.
 */
@Component
public class AnalyticsWorkers {

    private final ExecutorService workers;

    AnalyticsWorkers(@Value("${cdp.analytics.workers:2}") int count) {
        if (count < 1) {
            throw new IllegalArgumentException("cdp.analytics.workers must be at least 1, not " + count);
        }
        workers = Executors.newFixedThreadPool(count, Thread.ofPlatform().name("analytics-", 1).daemon().factory());
    }

    /**
     * Runs every task, as many at once as there are workers, and returns when all have ended. The first failure
     * is thrown as it was, once all have ended: none is left running behind the caller. A task must not call this
     * itself: with every worker waiting for tasks queued behind it, none would end.
     */
    public void runAll(List<Runnable> tasks) {
        List<CompletableFuture<Void>> running = tasks.stream()
                .map(task -> CompletableFuture.runAsync(task, workers)).toList();
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
