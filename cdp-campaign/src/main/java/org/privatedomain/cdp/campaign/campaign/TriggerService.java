package org.privatedomain.cdp.campaign.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.period.Period;
import org.privatedomain.cdp.core.period.PeriodCalendar;
import org.privatedomain.cdp.segmentation.tier.Tier;
import org.privatedomain.cdp.segmentation.tier.TierService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the lifecycle campaigns: each evaluation finds, set-based, the persons whose trigger occurred and enrols
 * them once per occurrence (the occurrence is part of the audience row's and the message's key, so a later
 * evaluation that finds the same occurrence adds nothing).
 */
@Service
public class TriggerService {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerService.class);

    private final CampaignRepository campaigns;
    private final BrandService brands;
    private final TierService tiers;
    private final Enrolment enrolment;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TriggerService(CampaignRepository campaigns, BrandService brands, TierService tiers, Enrolment enrolment,
            PlatformTransactionManager transactions, Clock clock) {
        this.campaigns = campaigns;
        this.brands = brands;
        this.tiers = tiers;
        this.enrolment = enrolment;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Evaluates every running triggered campaign, each in its own transaction; answers the messages queued. */
    public long evaluate() {
        long messages = 0;
        for (Campaign running : campaigns.findByStateAndTriggerTypeNotNullOrderById(CampaignState.RUNNING)) {
            try {
                BrandContext brand = brands.context(brands.codeOf(running.getBrandId()));
                // before the transaction: a tier upgrade's source makes the tiers fresh, in transactions of their own
                Enrolment.Source source = source(brand, running);
                messages += transaction.execute(status -> enrolment.enrol(brand, running, source).messages());
            } catch (RuntimeException e) {
                LOG.warn("Trigger of campaign {} (brand {}) failed; it is evaluated again next time",
                        running.getId(), running.getBrandId(), e);
            }
        }
        return messages;
    }

    /** The persons the campaign's trigger fired for, as SQL. */
    private Enrolment.Source source(BrandContext brand, Campaign campaign) {
        Trigger trigger = campaign.trigger();
        return switch (trigger.type()) {
            case WELCOME -> new Enrolment.Source("""
                    select member_id, 'join:' || event_id as occurrence from core.event
                     where brand_id = :brand and type = 'JOIN_MEMBERSHIP'
                       and occurred_at >= :since and occurred_at <= :now
                    """, Map.of("since", campaign.getLaunchedAt().atOffset(ZoneOffset.UTC)));
            case BIRTHDAY -> birthdays(brand);
            // Orders that turned `days` old since launch, and only those no later qualifying order followed.
            case WIN_BACK -> new Enrolment.Source("""
                    select distinct o.member_id, 'lapse:' || extract(epoch from o.paid_at)::bigint as occurrence
                      from core.orders o
                     where o.brand_id = :brand and o.status in ('PAID', 'PARTIALLY_REFUNDED')
                       and o.amount - o.refunded_amount > 0
                       and o.paid_at between cast(:since as timestamptz) - make_interval(days => :days)
                                         and cast(:now as timestamptz) - make_interval(days => :days)
                       and (select 1 from core.orders later
                             where later.brand_id = o.brand_id and later.member_id = o.member_id
                               and later.paid_at > o.paid_at and later.paid_at <= :now
                               and later.status in ('PAID', 'PARTIALLY_REFUNDED')
                               and later.amount - later.refunded_amount > 0 limit 1) is null
                    """, Map.of("since", campaign.getLaunchedAt().atOffset(ZoneOffset.UTC),
                    "days", trigger.days()));
            case TIER_UPGRADE -> upgrades(brand, trigger.tier() == null ? Tier.KOC : trigger.tier());
        };
    }

    /** Members whose birthday is the brand's local date today (29 February counts on 28 February otherwise). */
    private Enrolment.Source birthdays(BrandContext brand) {
        LocalDate today = clock.instant().atZone(ZoneId.of(brand.settings().timezone())).toLocalDate();
        boolean leapDayMissing = today.getMonthValue() == 2 && today.getDayOfMonth() == 28 && !today.isLeapYear();
        return new Enrolment.Source("""
                select id as member_id, 'birthday:' || :year as occurrence from core.member
                 where brand_id = :brand and merged_into is null and erased_at is null and birthday is not null
                   and ((extract(month from birthday) = :month and extract(day from birthday) = :day)
                        or (:leapDayMissing and extract(month from birthday) = 2 and extract(day from birthday) = 29))
                """, Map.of("year", String.valueOf(today.getYear()), "month", today.getMonthValue(),
                "day", today.getDayOfMonth(), "leapDayMissing", leapDayMissing));
    }

    /**
     * Persons at or above the tier in the current period and below it in the previous one, read from the tier
     * snapshots after {@link TierService} brought both periods up to date.
     */
    private Enrolment.Source upgrades(BrandContext brand, Tier tier) {
        Period current = tiers.period(brand.code(), null);
        Period previous = PeriodCalendar.of(brand.settings()).previous(current);
        tiers.transitions(brand.code(), current.id());
        return new Enrolment.Source("""
                select cur.member_id, 'tier:' || :period as occurrence
                  from segmentation.tier_snapshot cur
                  left join segmentation.tier_snapshot prev
                    on prev.brand_id = cur.brand_id and prev.period_id = :previous and prev.member_id = cur.member_id
                 where cur.brand_id = :brand and cur.period_id = :period and cur.tier >= :rank
                   and coalesce(prev.tier, 0) < :rank
                """, Map.of("period", current.id(), "previous", previous.id(), "rank", tier.rank()));
    }
}
