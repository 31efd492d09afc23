package org.privatedomain.cdp.campaign.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.privatedomain.cdp.campaign.delivery.Reachability;
import org.privatedomain.cdp.campaign.settings.CampaignSettingsService;
import org.privatedomain.cdp.campaign.settings.CampaignSettingsView;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Freezes who a campaign reaches and queues their messages, set-based, in the caller's transaction:
 * <ol>
 * <li>the persons (following merges, without the erased) enter {@code campaign.audience_member} once per
 * occurrence, each with the decision taken for them: the brand's persistent holdout, the campaign's holdout
 * (both a stable hash of the person, so a rerun decides the same), no marketing consent on the channel, or the
 * frequency cap reached;</li>
 * <li>those left get a coupon from the pool, one code each (or NO_COUPON when the pool ran dry);</li>
 * <li>their messages, rendered per person, go into the outbox, due at once or at the end of the quiet hours.</li>
 * </ol>
 * Lookups per person are lateral subqueries with a limit (one index lookup each), not joins: the rows were written
 * moments before in this transaction, and a planner that believes a table holds one row joins it by scanning.
 */
@Component
class Enrolment {

    /** What is enrolled: a select of {@code member_id, occurrence} for {@code :brand}, with its parameters. */
    record Source(String sql, Map<String, Object> params) {
    }

    private final CampaignSettingsService settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    Enrolment(CampaignSettingsService settings, JdbcClient jdbc, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    EnrolmentResult enrol(BrandContext brand, Campaign campaign, Source source) {
        Instant now = clock.instant();
        CampaignSettingsView brandSettings = settings.view(brand.id());
        Instant due = brandSettings.quietHours() == null ? now
                : brandSettings.quietHours().nextAllowed(now, ZoneId.of(brand.settings().timezone()));
        jdbc.sql("select 1 from campaign.campaign where brand_id = :brand and id = :campaign for update")
                .param("brand", brand.id()).param("campaign", campaign.getId()).query(rs -> { });
        long run = jdbc.sql("select nextval('campaign.enrolment_run')").query(Long.class).single();

        Map<String, Object> params = new HashMap<>(source.params());
        params.put("brand", brand.id());
        params.put("campaign", campaign.getId());
        params.put("run", run);
        params.put("now", utc(now));
        params.put("due", utc(due));
        params.put("brandHoldout", basisPoints(brandSettings.persistentHoldoutShare()));
        params.put("holdout", basisPoints(campaign.getHoldoutShare()));
        params.put("consentChannel", campaign.getChannel().consentChannel().name());
        params.put("cap", brandSettings.frequencyCap() == null ? 0 : brandSettings.frequencyCap());
        params.put("window", brandSettings.frequencyWindowHours());
        jdbc.sql("""
                        insert into campaign.audience_member (brand_id, campaign_id, member_id, occurrence, run_id,
                                                              entered_at, holdout, excluded)
                        select :brand, :campaign, p.member_id, p.occurrence, :run, :now,
                               case when %s < :brandHoldout then 'BRAND'
                                    when %s < :holdout then 'CAMPAIGN' end,
                               case when not %s then 'NO_CONSENT'
                                    when :cap > 0 and %s >= :cap then 'CAPPED' end
                          from (select distinct live.id as member_id, s.occurrence
                                  from (%s) s
                                  join core.member m on m.brand_id = :brand and m.id = s.member_id
                                  join core.member live on live.brand_id = :brand
                                                       and live.id = coalesce(m.merged_into, m.id)
                                 where live.merged_into is null and live.erased_at is null) p
                        on conflict do nothing
                        """.formatted(
                        bucket("cast(:brand as bigint)"),
                        bucket("cast(:campaign as bigint)"),
                        Reachability.consented(":brand", "p.member_id", ":consentChannel", "cast(:now as timestamptz)"),
                        Reachability.recentMessages(":brand", "p.member_id", "cast(:due as timestamptz)", ":window"),
                        source.sql()))
                .params(params)
                .update();
        if (Template.variables(campaign.getTemplate()).contains("coupon")) {
            assignCoupons(params);
        }
        Template.Rendering message = Template.rendering(campaign.getTemplate());
        jdbc.sql("""
                        insert into campaign.message (brand_id, campaign_id, member_id, occurrence, idempotency_key,
                                                      channel, content, coupon, state, due_at, created_at)
                        select a.brand_id, a.campaign_id, a.member_id, a.occurrence,
                               'cdp-' || a.brand_id || '-' || a.campaign_id || '-' || a.member_id || '-' || a.occurrence,
                               :channel,
                               %s, c.code, 'PENDING', :due, :now
                          from campaign.audience_member a
                          join core.member m on m.brand_id = a.brand_id and m.id = a.member_id
                          left join lateral (select c.code from campaign.coupon c
                                              where c.brand_id = a.brand_id and c.campaign_id = a.campaign_id
                                                and c.member_id = a.member_id and c.occurrence = a.occurrence
                                              limit 1) c on true
                         where a.brand_id = :brand and a.campaign_id = :campaign and a.run_id = :run
                           and a.holdout is null and a.excluded is null
                        on conflict do nothing
                        """.formatted(message.sql()))
                .params(message.texts())
                .param("brand", brand.id()).param("campaign", campaign.getId()).param("run", run)
                .param("channel", campaign.getChannel().name())
                .param("due", utc(due)).param("now", utc(now))
                .update();
        return jdbc.sql("""
                        select count(*), count(*) filter (where holdout = 'CAMPAIGN'),
                               count(*) filter (where holdout = 'BRAND'),
                               count(*) filter (where holdout is null and excluded = 'NO_CONSENT'),
                               count(*) filter (where holdout is null and excluded = 'CAPPED'),
                               count(*) filter (where holdout is null and excluded = 'NO_COUPON'),
                               count(*) filter (where holdout is null and excluded is null)
                          from campaign.audience_member
                         where brand_id = :brand and campaign_id = :campaign and run_id = :run
                        """)
                .param("brand", brand.id()).param("campaign", campaign.getId()).param("run", run)
                .query((rs, row) -> new EnrolmentResult(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .single();
    }

    /**
     * One free code per person left to message, in a stable order; those beyond the pool get NO_COUPON. The
     * persons and the free codes are paired by position in two sorted arrays rather than by joining two numbered
     * sets: the rows were written in this transaction, so the planner's statistics cannot know their number.
     */
    private void assignCoupons(Map<String, Object> params) {
        jdbc.sql("""
                        update campaign.coupon c
                           set member_id = p.member_id, occurrence = p.occurrence, assigned_at = :now
                          from unnest(
                                   (select array_agg(member_id order by member_id, occurrence)
                                      from campaign.audience_member
                                     where brand_id = :brand and campaign_id = :campaign and run_id = :run
                                       and holdout is null and excluded is null),
                                   (select array_agg(occurrence order by member_id, occurrence)
                                      from campaign.audience_member
                                     where brand_id = :brand and campaign_id = :campaign and run_id = :run
                                       and holdout is null and excluded is null),
                                   (select array_agg(code order by code) from campaign.coupon
                                     where brand_id = :brand and campaign_id = :campaign and member_id is null))
                               as p(member_id, occurrence, code)
                         where p.member_id is not null and p.code is not null
                           and c.brand_id = :brand and c.campaign_id = :campaign and c.code = p.code
                        """)
                .params(params).update();
        jdbc.sql("""
                        update campaign.audience_member a set excluded = 'NO_COUPON'
                         where a.brand_id = :brand and a.campaign_id = :campaign and a.run_id = :run
                           and a.holdout is null and a.excluded is null
                           and (select c.code from campaign.coupon c
                                 where c.brand_id = a.brand_id and c.campaign_id = a.campaign_id
                                   and c.member_id = a.member_id and c.occurrence = a.occurrence limit 1) is null
                        """)
                .params(params).update();
    }

    /**
     * The person's bucket 0..9999 for a holdout keyed by {@code key} (the brand or the campaign):
     * {@code hashtextextended(key || ':' || member_id, 0)} modulo 10000, the same on every run.
     */
    private static String bucket(String key) {
        return "(((hashtextextended(%s::text || ':' || p.member_id::text, 0) %% 10000) + 10000) %% 10000)"
                .formatted(key);
    }

    private static int basisPoints(java.math.BigDecimal share) {
        return share.movePointRight(4).intValue();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
