package org.privatedomain.cdp.campaign.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Time;
import java.time.temporal.ChronoUnit;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.privacy.PiiCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Keeps each brand's campaign settings; a brand that never wrote them has the defaults. */
@Service
@Validated
@Transactional(readOnly = true)
public class CampaignSettingsService {

    private static final String SECRET_KIND = "webhook-secret";

    private final BrandService brands;
    private final PiiCipher cipher;
    private final JdbcClient jdbc;
    private final Clock clock;

    CampaignSettingsService(BrandService brands, PiiCipher cipher, JdbcClient jdbc, Clock clock) {
        this.brands = brands;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CampaignSettingsView get(String brandCode) {
        return view(brands.idOf(brandCode));
    }

    @Transactional
    public CampaignSettingsView change(String brandCode, @NotNull @Valid CampaignSettings settings) {
        long brandId = brands.idOf(brandCode);
        QuietHours given = settings.quietHours();
        // stored to the second: times that differ below it would be equal once stored
        QuietHours quiet = given == null ? null : new QuietHours(given.start().truncatedTo(ChronoUnit.SECONDS),
                given.end().truncatedTo(ChronoUnit.SECONDS));
        if (quiet != null && quiet.start().equals(quiet.end())) {
            throw new InvalidInputException("invalid-input",
                    "quietHours: start and end must differ.");
        }
        requireWebhookUrl(settings.webhookUrl());
        jdbc.sql("""
                        insert into campaign.brand_settings as s (brand_id, frequency_cap, frequency_window_hours,
                               quiet_start, quiet_end, webhook_url, webhook_secret, cost_per_message,
                               persistent_holdout_share, updated_at)
                        values (:brand, :cap, :window, :quietStart, :quietEnd, :url, :secret, :cost, :holdout, :now)
                        on conflict (brand_id) do update
                           set frequency_cap = excluded.frequency_cap,
                               frequency_window_hours = excluded.frequency_window_hours,
                               quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
                               webhook_url = excluded.webhook_url,
                               webhook_secret = coalesce(excluded.webhook_secret, s.webhook_secret),
                               cost_per_message = excluded.cost_per_message,
                               persistent_holdout_share = excluded.persistent_holdout_share,
                               updated_at = excluded.updated_at
                        """)
                .param("brand", brandId)
                .param("cap", settings.frequencyCap())
                .param("window", settings.frequencyWindowHours() == null
                        ? CampaignSettingsView.DEFAULT_WINDOW_HOURS : settings.frequencyWindowHours())
                .param("quietStart", quiet == null ? null : Time.valueOf(quiet.start()))
                .param("quietEnd", quiet == null ? null : Time.valueOf(quiet.end()))
                .param("url", settings.webhookUrl())
                .param("secret", settings.webhookSecret() == null ? null
                        : cipher.encrypt(brandId, SECRET_KIND, settings.webhookSecret()))
                .param("cost", settings.costPerMessage() == null ? BigDecimal.ZERO : settings.costPerMessage())
                .param("holdout", settings.persistentHoldoutShare() == null ? BigDecimal.ZERO
                        : settings.persistentHoldoutShare())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return view(brandId);
    }

    /** The settings by brand id, for launching and sending. */
    public CampaignSettingsView view(long brandId) {
        return jdbc.sql("""
                        select frequency_cap, frequency_window_hours, quiet_start, quiet_end, webhook_url,
                               webhook_secret is not null, cost_per_message, persistent_holdout_share, updated_at
                          from campaign.brand_settings where brand_id = :brand
                        """)
                .param("brand", brandId)
                .query((rs, row) -> new CampaignSettingsView((Integer) rs.getObject(1), rs.getInt(2),
                        rs.getTime(3) == null ? null
                                : new QuietHours(rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime()),
                        rs.getString(5), rs.getBoolean(6), rs.getBigDecimal(7).stripTrailingZeros(),
                        rs.getBigDecimal(8).stripTrailingZeros(), rs.getTimestamp(9).toInstant()))
                .optional().orElseGet(CampaignSettingsView::defaults);
    }

    /** The brand's webhook URL with its secret in clear, for the WEBHOOK adapter; empty when either is missing. */
    public Optional<WebhookTarget> webhookTarget(long brandId) {
        return jdbc.sql("""
                        select webhook_url, webhook_secret from campaign.brand_settings
                         where brand_id = :brand and webhook_url is not null and webhook_secret is not null
                        """)
                .param("brand", brandId)
                .query((rs, row) -> new WebhookTarget(rs.getString(1),
                        cipher.decrypt(brandId, SECRET_KIND, rs.getBytes(2))))
                .optional();
    }

    /** A URL the webhook adapter can post to: parsed as a URI, with a host and a valid port. */
    private static void requireWebhookUrl(String url) {
        if (url == null) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getPort() > 65535) {
                throw new URISyntaxException(url, "no host, or a port above 65535");
            }
        } catch (URISyntaxException bad) {
            throw new InvalidInputException("invalid-input", "webhookUrl: not a URL the webhook can post to ("
                    + bad.getReason() + ").");
        }
    }
}
