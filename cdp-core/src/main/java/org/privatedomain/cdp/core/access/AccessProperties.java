package org.privatedomain.cdp.core.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Access settings.
 *
 * @param adminApiKey the platform administrator key ({@code CDP_ADMIN_API_KEY}); at least 32 characters so it
 *                    cannot be guessed
 */
@Validated
@ConfigurationProperties("cdp.access")
public record AccessProperties(@NotBlank @Size(min = 32, max = 512) String adminApiKey) {

    @Override
    public String toString() {
        return "AccessProperties[adminApiKey=****]";
    }
}
