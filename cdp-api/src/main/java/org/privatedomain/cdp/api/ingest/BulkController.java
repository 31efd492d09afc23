package org.privatedomain.cdp.api.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.URI;
import org.privatedomain.cdp.core.ingest.BodyFormat;
import org.privatedomain.cdp.core.ingest.BulkResult;
import org.privatedomain.cdp.core.ingest.ImportJobView;
import org.privatedomain.cdp.core.ingest.IngestKind;
import org.privatedomain.cdp.core.ingest.IngestService;
import org.privatedomain.cdp.core.ingest.RejectionPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk bodies: NDJSON (one event or order a line, as the single endpoints take it), or CSV for orders. The
 * body is streamed, never held whole; {@code Content-Encoding: gzip} is welcome.
 */
@RestController
@RequestMapping("/api/v1/brands/{brandCode}")
@Tag(name = "Bulk ingestion", description = "Many events or orders in one body, loaded now or as a background import")
class BulkController {

    private static final String NDJSON = "application/x-ndjson";
    private static final String JSONL = "application/jsonl";
    private static final String CSV = "text/csv";

    /** The body of events:bulk and events:import, for the OpenAPI description. */
    @Retention(RetentionPolicy.RUNTIME)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "One event a line, as POST /events takes it.", content = {
                @Content(mediaType = NDJSON, schema = @Schema(type = "string")),
                @Content(mediaType = JSONL, schema = @Schema(type = "string"))})
    @interface EventLines {
    }

    /** The body of orders:bulk and orders:import, for the OpenAPI description. */
    @Retention(RetentionPolicy.RUNTIME)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = """
            One order a line, as POST /orders takes it; or CSV with a header line naming the columns orderId, \
            identities, paidAt, amount, status (required), refundedAmount, channel, referralShareId, \
            referralSharer, items: identities as TYPE:value joined by |, items as sku:quantity:price joined by |, \
            an empty cell for a value left out.""", content = {
                @Content(mediaType = NDJSON, schema = @Schema(type = "string")),
                @Content(mediaType = JSONL, schema = @Schema(type = "string")),
                @Content(mediaType = CSV, schema = @Schema(type = "string"))})
    @interface OrderLines {
    }

    private final IngestService ingest;

    BulkController(IngestService ingest) {
        this.ingest = ingest;
    }

    @EventLines
    @PostMapping(path = "/events:bulk", consumes = {NDJSON, JSONL})
    @Operation(summary = "Record many events", description = """
            Loads the body while it arrives, in batches that each commit whole, and answers the counts: accepted \
            (new), duplicate (an eventId recorded before or earlier in the body) and rejected, with each rejected \
            line's number and reason (the first 1000; all of them at /imports/{importId}/rejections). A bad line \
            never stops the others. If the body is cut off, the batches before stay recorded: send it again.""")
    BulkResult events(@PathVariable String brandCode, HttpServletRequest request) throws IOException {
        return ingest.bulk(brandCode, IngestKind.EVENTS, BodyFormat.NDJSON, gzip(request), request.getInputStream());
    }

    @OrderLines
    @PostMapping(path = "/orders:bulk", consumes = {NDJSON, JSONL, CSV})
    @Operation(summary = "Record many orders", description = """
            As events:bulk, for orders; a line whose orderId was recorded before updates the order (updated) or, \
            when it changes nothing, counts as duplicate.""")
    BulkResult orders(@PathVariable String brandCode, HttpServletRequest request) throws IOException {
        return ingest.bulk(brandCode, IngestKind.ORDERS, format(request), gzip(request), request.getInputStream());
    }

    @EventLines
    @PostMapping(path = "/events:import", consumes = {NDJSON, JSONL})
    @ApiResponse(responseCode = "202", description = "the body arrived whole and waits to be loaded")
    @Operation(summary = "Import a large file of events in the background", description = """
            Spools the body to disk, answers 202 with the import (Location: /imports/{id}) as soon as it has \
            arrived, then loads it in the background. Poll the import for progress: lines read, accepted, \
            rejected, rate and state. An import the service stopped in the middle goes on from where it was \
            when the service starts again.""")
    ResponseEntity<ImportJobView> importEvents(@PathVariable String brandCode, HttpServletRequest request)
            throws IOException {
        return accepted(brandCode, ingest.startImport(brandCode, IngestKind.EVENTS, BodyFormat.NDJSON, gzip(request),
                length(request), request.getInputStream()));
    }

    @OrderLines
    @PostMapping(path = "/orders:import", consumes = {NDJSON, JSONL, CSV})
    @ApiResponse(responseCode = "202", description = "the body arrived whole and waits to be loaded")
    @Operation(summary = "Import a large file of orders in the background", description = "As events:import.")
    ResponseEntity<ImportJobView> importOrders(@PathVariable String brandCode, HttpServletRequest request)
            throws IOException {
        return accepted(brandCode, ingest.startImport(brandCode, IngestKind.ORDERS, format(request), gzip(request),
                length(request), request.getInputStream()));
    }

    @GetMapping("/imports/{importId}")
    @Operation(summary = "An import or bulk load, with its progress")
    ImportJobView job(@PathVariable String brandCode, @PathVariable long importId) {
        return ingest.job(brandCode, importId);
    }

    @GetMapping("/imports/{importId}/rejections")
    @Operation(summary = "The rejected lines of a load, by line number",
            description = "Pages by line number: pass the answer's nextAfter as after for the next page.")
    RejectionPage rejections(@PathVariable String brandCode, @PathVariable long importId,
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        return ingest.rejections(brandCode, importId, after, limit);
    }

    private static ResponseEntity<ImportJobView> accepted(String brandCode, ImportJobView job) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/brands/" + brandCode + "/imports/" + job.id()))
                .body(job);
    }

    private static BodyFormat format(HttpServletRequest request) {
        return MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.parseMediaType(CSV))
                ? BodyFormat.CSV : BodyFormat.NDJSON;
    }

    private static boolean gzip(HttpServletRequest request) {
        return "gzip".equalsIgnoreCase(request.getHeader(HttpHeaders.CONTENT_ENCODING));
    }

    private static Long length(HttpServletRequest request) {
        return request.getContentLengthLong() < 0 ? null : request.getContentLengthLong();
    }
}
