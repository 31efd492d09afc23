package org.privatedomain.cdp.api.demo;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The demo brand loaded at startup when {@code enabled} ({@code CDP_DEMO=true}, which {@code ./cdp run} sets):
 * its size and seed. The same seed on the same day gives the same brand.
 */
@ConfigurationProperties("cdp.demo")
@Validated
public record DemoProperties(boolean enabled, @Min(100) int persons, @Min(100) long orders, long seed) {
}
