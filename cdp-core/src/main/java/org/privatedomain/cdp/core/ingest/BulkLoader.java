package org.privatedomain.cdp.core.ingest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.privatedomain.cdp.core.WriteTransactions;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.event.EventService;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.event.RecordedEvent;
import org.privatedomain.cdp.core.order.NewOrder;
import org.privatedomain.cdp.core.order.OrderService;
import org.privatedomain.cdp.core.order.RecordedOrder;
import org.privatedomain.cdp.core.validation.ReadableErrors;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Loads a body's lines into a load ({@link ImportJobs}) batch by batch. Each batch is one transaction that
 * records its good lines through the same set-based writes as single records, stores its rejected lines and
 * moves the load's checkpoint: a batch counts whole or not at all, whatever stops the load. While one batch is
 * written, the next is read and checked on the calling thread, so reading and writing use both cores.
 */
@Component
class BulkLoader {

    /** How many rejected lines a bulk answer lists; the load keeps them all. */
    static final int ERRORS_IN_ANSWER = 1000;

    private final EventService events;
    private final OrderService orders;
    private final ImportJobs jobs;
    private final WriteTransactions writing;
    private final Validator validator;
    private final int batchSize;

    BulkLoader(EventService events, OrderService orders, ImportJobs jobs, WriteTransactions writing,
            ValidatorFactory validators, IngestProperties properties) {
        this.events = events;
        this.orders = orders;
        this.jobs = jobs;
        this.writing = writing;
        this.validator = validators.usingContext().traversableResolver(new EverythingReachable()).getValidator();
        this.batchSize = properties.batchSize();
    }

    /**
     * Reads every line left in {@code lines} into load {@code jobId} and answers the first rejected lines. An
     * {@link IOException} (the body stopped arriving) or an interruption ends it after the batches read so far
     * are written; what was written stays, and the checkpoint says up to where.
     */
    List<Rejection> load(BrandContext brand, long jobId, IngestKind kind, LineParser parser, LineReader lines)
            throws IOException {
        List<Rejection> answer = new ArrayList<>();
        try (ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory())) {
            Future<List<Rejection>> inFlight = CompletableFuture.completedFuture(List.of());
            Batch batch = new Batch();
            try {
                while (lines.next()) {
                    read(lines, parser, kind, batch);
                    if (batch.records.size() + batch.rejections.size() >= batchSize) {
                        collect(inFlight, answer);
                        Batch full = batch;
                        inFlight = writer.submit(() -> write(brand, jobId, kind, full));
                        batch = new Batch();
                    }
                    if (Thread.interrupted()) {
                        throw new InterruptedIOException("the load was stopped");
                    }
                }
            } finally {
                collect(inFlight, answer);
            }
            if (batch.lastLine > 0) {
                answer(write(brand, jobId, kind, batch), answer);
            }
        }
        return answer;
    }

    private void read(LineReader lines, LineParser parser, IngestKind kind, Batch batch) {
        batch.lastLine = lines.lineNumber();
        batch.byteOffset = lines.byteOffset();
        if (lines.blank()) {
            return;
        }
        try {
            if (lines.tooLong()) {
                throw new RejectedLine("longer than the limit of bytes a line may have");
            }
            Object record = parser.parse(lines.bytes(), lines.length());
            check(record, kind);
            batch.records.add(record);
            batch.lineOf.add(lines.lineNumber());
        } catch (RejectedLine rejected) {
            batch.rejections.add(new Rejection(lines.lineNumber(), rejected.getMessage()));
        }
    }

    private void check(Object record, IngestKind kind) throws RejectedLine {
        Set<ConstraintViolation<Object>> violations = validator.validate(record);
        if (!violations.isEmpty()) {
            throw new RejectedLine(violations.stream()
                    .map(violation -> ReadableErrors.fieldOf(violation) + ": " + violation.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        try {
            switch (kind) {
                case EVENTS -> EventService.check((NewEvent) record);
                case ORDERS -> OrderService.check((NewOrder) record);
            }
        } catch (InvalidInputException invalid) {
            throw new RejectedLine(invalid.getMessage());
        }
    }

    /**
     * Writes the batch in one transaction. If the database refuses a value in it, the batch is written again
     * record by record, each in a transaction of its own, and its progress last: a stop in between leaves some
     * of its records written ahead of the checkpoint, which the load then writes again as duplicates, leaving the
     * same data.
     */
    private List<Rejection> write(BrandContext brand, long jobId, IngestKind kind, Batch batch) {
        try {
            return writing.run(() -> {
                ImportJobs.Counts counts = count(record(brand, kind, batch.records), batch.rejections.size());
                jobs.progress(brand.id(), jobId, counts, batch.rejections, batch.byteOffset, batch.lastLine);
                return batch.rejections;
            });
        } catch (NonTransientDataAccessException refused) {
            List<Rejection> rejections = new ArrayList<>(batch.rejections);
            List<Object> outcomes = new ArrayList<>();
            for (int i = 0; i < batch.records.size(); i++) {
                List<Object> one = List.of(batch.records.get(i));
                try {
                    outcomes.addAll(writing.run(() -> record(brand, kind, one)));
                } catch (NonTransientDataAccessException e) {
                    rejections.add(new Rejection(batch.lineOf.get(i), "cannot be stored: "
                            + NestedExceptionUtils.getMostSpecificCause(e).getMessage().lines().findFirst()
                                    .orElse("the database refused a value")));
                }
            }
            rejections.sort(Comparator.comparingLong(Rejection::line));
            return writing.run(() -> {
                jobs.progress(brand.id(), jobId, count(outcomes, rejections.size()), rejections, batch.byteOffset,
                        batch.lastLine);
                return rejections;
            });
        }
    }

    private List<?> record(BrandContext brand, IngestKind kind, List<Object> records) {
        return switch (kind) {
            case EVENTS -> events.recordAll(brand, records.stream().map(NewEvent.class::cast).toList());
            case ORDERS -> orders.recordAll(brand, records.stream().map(NewOrder.class::cast).toList());
        };
    }

    private static ImportJobs.Counts count(List<?> outcomes, int rejected) {
        long accepted = 0;
        long updated = 0;
        long duplicate = 0;
        for (Object outcome : outcomes) {
            boolean isDuplicate = switch (outcome) {
                case RecordedEvent event -> event.duplicate();
                case RecordedOrder order -> order.duplicate();
                default -> throw new IllegalStateException("not an outcome: " + outcome);
            };
            boolean isUpdate = outcome instanceof RecordedOrder order && order.updated();
            if (isDuplicate) {
                duplicate++;
            } else if (isUpdate) {
                updated++;
            } else {
                accepted++;
            }
        }
        return new ImportJobs.Counts(accepted, updated, duplicate, rejected);
    }

    private static void collect(Future<List<Rejection>> inFlight, List<Rejection> answer) throws IOException {
        try {
            answer(inFlight.get(), answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the load was stopped");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void answer(List<Rejection> rejections, List<Rejection> answer) {
        rejections.stream().limit(Math.max(0, ERRORS_IN_ANSWER - answer.size())).forEach(answer::add);
    }

    /**
     * Lines are plain records, never JPA entities with attributes left unloaded, so every property is checked. The
     * default resolver asks JPA, when it is on the class path, about each property of each line: a tenth of the
     * reading thread's time in a bulk load.
     */
    private static final class EverythingReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path pathToBean,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path pathToBean,
                ElementType elementType) {
            return true;
        }
    }

    /** Consecutive lines: the records read from them, in order, and the lines rejected. */
    private static final class Batch {
        final List<Object> records = new ArrayList<>();
        final List<Long> lineOf = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();
        long lastLine;
        long byteOffset;
    }
}
