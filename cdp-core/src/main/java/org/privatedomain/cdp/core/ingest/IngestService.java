package org.privatedomain.cdp.core.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.error.NotFoundException;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.ingest.ImportJobs.Checkpoint;
import org.privatedomain.cdp.core.order.NewOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk bodies of events and orders. A bulk request is loaded while it arrives and answered when it ends; an
 * import is first spooled to disk, answered at once, and loaded in the background, one import at a time. Both
 * are loads with progress and every rejected line kept. An import that the service stopped in the middle goes
 * on from its checkpoint when the service starts again; a bulk request cut off in the middle says so, and its
 * body can simply be sent again: events and orders are idempotent per id, so recorded lines count as duplicates.
 */
@Service
@Validated
public class IngestService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final BrandService brands;
    private final BulkLoader loader;
    private final ImportJobs jobs;
    private final JsonMapper json;
    private final IngestProperties properties;
    private final LoadStatistics statistics;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("cdp-import").daemon().factory());

    IngestService(BrandService brands, BulkLoader loader, ImportJobs jobs, JsonMapper json,
            IngestProperties properties, LoadStatistics statistics) {
        this.brands = brands;
        this.loader = loader;
        this.jobs = jobs;
        this.json = json;
        this.properties = properties;
        this.statistics = statistics;
    }

    /**
     * Loads the body while it arrives and answers the counts and rejected lines. Throws
     * {@link InvalidInputException} for a body that is unusable as a whole (a bad CSV header, broken gzip); an
     * {@link IOException} when the body stopped arriving, with the load left {@code INTERRUPTED}.
     */
    public BulkResult bulk(String brandCode, IngestKind kind, BodyFormat format, boolean gzip, InputStream body)
            throws IOException {
        BrandContext brand = brands.context(brandCode);
        requireFormatFits(kind, format);
        LineReader lines = new LineReader(decoded(body, gzip), properties.maxLineBytes(), 1, 0);
        LineParser parser = parser(kind, format, lines);
        long id = jobs.create(brand.id(), kind, format, ImportMode.REQUEST, ImportState.RUNNING, gzip, null);
        List<Rejection> errors;
        try {
            errors = loader.load(brand, id, kind, parser, lines);
        } catch (ZipException broken) {
            throw ended(brand.id(), id, ImportState.FAILED, new InvalidInputException("malformed-body",
                    "The body is not valid gzip after line " + lines.lineNumber() + ": " + broken.getMessage()
                            + ". Lines before it that were recorded stay recorded; resending is safe."));
        } catch (IOException stopped) {
            throw ended(brand.id(), id, ImportState.INTERRUPTED, stopped);
        } catch (RuntimeException failed) {
            throw ended(brand.id(), id, ImportState.FAILED, failed);
        }
        jobs.finish(brand.id(), id, ImportState.COMPLETED, null);
        ImportJobView done = jobs.find(brand.id(), id).orElseThrow();
        statistics.afterLoad(kind, done.linesRead());
        return new BulkResult(id, done.linesRead(), done.accepted(), done.updated(), done.duplicate(),
                done.rejected(), errors, errors.size() == done.rejected());
    }

    /**
     * Spools the body to disk and queues its load: the answer comes as soon as the body has arrived, and
     * {@link #job} tells how the load goes on. A CSV header is checked before the body is accepted.
     */
    public ImportJobView startImport(String brandCode, IngestKind kind, BodyFormat format, boolean gzip,
            Long declaredBytes, InputStream body) throws IOException {
        BrandContext brand = brands.context(brandCode);
        requireFormatFits(kind, format);
        long id = jobs.create(brand.id(), kind, format, ImportMode.IMPORT, ImportState.RECEIVING, gzip,
                declaredBytes);
        Path file = spoolFile(brand.id(), id, gzip);
        try {
            Files.createDirectories(properties.spoolDir());
            long bytes = Files.copy(body, file);
            if (format == BodyFormat.CSV) {
                try (InputStream spooled = open(file, gzip, 0)) {
                    parser(kind, format, new LineReader(spooled, properties.maxLineBytes(), 1, 0));
                }
            }
            jobs.queued(brand.id(), id, file.toString(), bytes);
        } catch (IOException stopped) {
            Files.deleteIfExists(file);
            throw ended(brand.id(), id, ImportState.INTERRUPTED, stopped);
        } catch (RuntimeException failed) {
            Files.deleteIfExists(file);
            throw ended(brand.id(), id, ImportState.FAILED, failed);
        }
        background.submit(() -> run(jobs.checkpoint(brand.id(), id)));
        return jobs.find(brand.id(), id).orElseThrow();
    }

    /** A load of the brand, with its progress. */
    public ImportJobView job(String brandCode, long id) {
        long brandId = brands.idOf(brandCode);
        return jobs.find(brandId, id).orElseThrow(() -> notFound(id));
    }

    /** The rejected lines of a load, by line number after {@code after}. */
    public RejectionPage rejections(String brandCode, long id, @Min(0) long after, @Min(1) @Max(1000) int limit) {
        long brandId = brands.idOf(brandCode);
        jobs.find(brandId, id).orElseThrow(() -> notFound(id));
        return jobs.rejections(brandId, id, after, limit);
    }

    /**
     * After a restart: imports go on from their checkpoints (if their spooled body is still there); bulk requests
     * and imports whose body had not arrived whole are marked interrupted, to be sent again.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (Checkpoint load : jobs.unfinished()) {
            if (load.mode() == ImportMode.IMPORT && load.state() != ImportState.RECEIVING
                    && load.spoolFile() != null && Files.exists(Path.of(load.spoolFile()))) {
                log.info("Resuming import {} of brand {} at line {}", load.id(), load.brandId(), load.linesRead() + 1);
                background.submit(() -> run(load));
            } else {
                if (load.mode() == ImportMode.IMPORT) { // a body that had not arrived whole
                    deleteQuietly(spoolFile(load.brandId(), load.id(), load.gzip()));
                }
                jobs.finish(load.brandId(), load.id(), ImportState.INTERRUPTED, "The service stopped while "
                        + (load.state() == ImportState.RECEIVING ? "the body was arriving" : "loading the body")
                        + "; lines 1 to " + load.linesRead() + " are recorded. Send the whole body again: lines "
                        + "already recorded count as duplicates.");
            }
        }
    }

    /** Stops the background import between two batches; it goes on from its checkpoint at the next start. */
    @Override
    public void destroy() {
        background.shutdownNow();
    }

    private void run(Checkpoint load) {
        BrandContext brand = brands.context(brands.codeOf(load.brandId()));
        Path file = Path.of(load.spoolFile());
        try (InputStream body = open(file, load.gzip(), load.byteOffset())) {
            jobs.running(load.brandId(), load.id());
            LineReader lines = new LineReader(body, properties.maxLineBytes(), load.linesRead() + 1,
                    load.byteOffset());
            LineParser parser = load.byteOffset() > 0 && load.format() == BodyFormat.CSV
                    ? csvParserFrom(file, load.gzip()) : parser(load.kind(), load.format(), lines);
            loader.load(brand, load.id(), load.kind(), parser, lines);
            jobs.finish(load.brandId(), load.id(), ImportState.COMPLETED, null);
            deleteQuietly(file);
            statistics.afterLoad(load.kind(), lines.lineNumber() - load.linesRead());
        } catch (InterruptedIOException stopping) {
            log.info("Import {} of brand {} stopped; it goes on at the next start", load.id(), load.brandId());
        } catch (IOException | RuntimeException failed) {
            log.warn("Import {} of brand {} failed", load.id(), load.brandId(), failed);
            deleteQuietly(file); // FAILED is final: the body is to be sent again
            jobs.finish(load.brandId(), load.id(), ImportState.FAILED, "The load failed: " + failed.getMessage()
                    + ". Lines 1 to " + jobs.checkpoint(load.brandId(), load.id()).linesRead() + " are recorded; "
                    + "send the body again to load the rest (recorded lines count as duplicates).");
        }
    }

    /** The parser for the body; for CSV it reads the header line. */
    private LineParser parser(IngestKind kind, BodyFormat format, LineReader lines) throws IOException {
        if (format == BodyFormat.NDJSON) {
            return new NdjsonParser(json, kind == IngestKind.EVENTS ? NewEvent.class : NewOrder.class);
        }
        if (!lines.next() || lines.tooLong()) {
            throw new InvalidInputException("invalid-csv-header", "The body must start with a CSV header line.");
        }
        return new OrderCsvParser(lines.bytes(), lines.length());
    }

    /** A resumed CSV import is past its header: read the header again from the file's start. */
    private LineParser csvParserFrom(Path file, boolean gzip) throws IOException {
        try (InputStream start = open(file, gzip, 0)) {
            return parser(IngestKind.ORDERS, BodyFormat.CSV, new LineReader(start, properties.maxLineBytes(), 1, 0));
        }
    }

    private Path spoolFile(long brandId, long id, boolean gzip) {
        return properties.spoolDir().resolve(brandId + "-" + id + (gzip ? ".gz" : ".txt"));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException notDeleted) {
            log.warn("Could not delete spooled import {}", file, notDeleted);
        }
    }

    private static InputStream open(Path file, boolean gzip, long skip) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        InputStream body = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        body.skipNBytes(skip);
        return body;
    }

    private static InputStream decoded(InputStream body, boolean gzip) throws IOException {
        try {
            return gzip ? new GZIPInputStream(body, 1 << 16) : body;
        } catch (ZipException broken) {
            throw new InvalidInputException("malformed-body", "The body is not gzip, as its Content-Encoding says: "
                    + broken.getMessage() + ".");
        }
    }

    private static void requireFormatFits(IngestKind kind, BodyFormat format) {
        if (kind == IngestKind.EVENTS && format == BodyFormat.CSV) {
            throw new InvalidInputException("unsupported-format", "Events are sent as NDJSON; CSV is for orders.");
        }
    }

    /** Ends the load with the state and passes the failure on. */
    private <E extends Exception> E ended(long brandId, long id, ImportState state, E failure) {
        try {
            jobs.finish(brandId, id, state, failure.getMessage());
        } catch (RuntimeException notRecorded) {
            failure.addSuppressed(notRecorded);
        }
        return failure;
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("import-not-found", "No import " + id + ".");
    }
}
