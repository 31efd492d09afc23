package org.privatedomain.cdp.core.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Bulk ingestion settings.
 *
 * @param spoolDir     where import bodies wait to be loaded ({@code CDP_IMPORT_DIR}); keep it on a disk that
 *                     survives a restart, so that an interrupted import resumes
 * @param batchSize    lines per batch: each batch is one transaction with its progress
 * @param maxLineBytes the longest line accepted; a longer one is rejected
 */
@Validated
@ConfigurationProperties("cdp.ingest")
public record IngestProperties(Path spoolDir, @Min(1) @Max(100_000) Integer batchSize,
        @Min(1024) @Max(16_777_216) Integer maxLineBytes) {

    public IngestProperties {
        spoolDir = spoolDir == null ? Path.of(".cdp", "imports") : spoolDir;
        batchSize = batchSize == null ? 5_000 : batchSize;
        maxLineBytes = maxLineBytes == null ? 262_144 : maxLineBytes;
    }
}
