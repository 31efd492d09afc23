package org.privatedomain.cdp.api.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings.
 *
 * @param maxBodySize        the largest request body accepted ({@code CDP_MAX_BODY_SIZE})
 * @param maxBulkBodySize    the largest bulk or import body accepted ({@code CDP_MAX_BULK_BODY_SIZE}); these are
 *                           streamed, never held in memory
 * @param corsAllowedOrigins origins whose browser pages may call the API ({@code CDP_CORS_ALLOWED_ORIGINS},
 *                           comma-separated; none by default)
 */
@ConfigurationProperties("cdp.http")
public record HttpProperties(DataSize maxBodySize, DataSize maxBulkBodySize, List<String> corsAllowedOrigins) {

    public HttpProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        maxBulkBodySize = maxBulkBodySize == null ? DataSize.ofGigabytes(10) : maxBulkBodySize;
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
    }
}
