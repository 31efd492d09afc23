package org.privatedomain.cdp.campaign.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.privatedomain.cdp.campaign.delivery.DeliveryService;
import org.privatedomain.cdp.campaign.delivery.MessagePage;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.error.ConflictException;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.error.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.privatedomain.cdp.segmentation.segment.SegmentService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/** Campaigns of a brand: writing them, moving them through their states, their coupons and messages. */
@Service
@Validated
public class CampaignService {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);

    private final BrandService brands;
    private final CampaignRepository campaigns;
    private final List<AudienceSource> audiences;
    private final SegmentService segments;
    private final Enrolment enrolment;
    private final DeliveryService delivery;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    CampaignService(BrandService brands, CampaignRepository campaigns, List<AudienceSource> audiences,
            SegmentService segments, Enrolment enrolment, DeliveryService delivery, JdbcClient jdbc, JsonMapper json,
            Clock clock, PlatformTransactionManager transactions) {
        this.brands = brands;
        this.campaigns = campaigns;
        this.audiences = audiences;
        this.segments = segments;
        this.enrolment = enrolment;
        this.delivery = delivery;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Transactional
    public CampaignView create(String brandCode, @NotNull @Valid NewCampaign campaign) {
        return create(brandCode, campaign, null);
    }

    /**
     * Creates a draft. With an {@code idempotencyKey} (the client's {@code Idempotency-Key}), a retry of the
     * request that created a campaign answers that campaign; the key sent with another request is refused.
     */
    @Transactional
    public CampaignView create(String brandCode, @NotNull @Valid NewCampaign campaign, String idempotencyKey) {
        long brandId = brands.idOf(brandCode);
        CreationKey key = idempotencyKey == null ? null
                : CreationKey.of(idempotencyKey, json.writeValueAsString(campaign));
        if (key != null) {
            Campaign earlier = campaigns.findByBrandIdAndCreationKey(brandId, key.key()).orElse(null);
            if (earlier != null && !earlier.createdBy(key)) {
                throw new ConflictException("idempotency-key-reused", "Idempotency-Key " + key.key()
                        + " came with another request, which created campaign " + earlier.getId()
                        + "; a new campaign needs a new key.");
            }
            if (earlier != null) {
                return view(earlier);
            }
        }
        requireSegment(brandCode, campaign);
        try {
            return view(campaigns.saveAndFlush(new Campaign(brandId, checked(campaign), audienceJson(campaign), key,
                    clock.instant())));
        } catch (DataIntegrityViolationException violation) {
            if (key != null && String.valueOf(violation.getMostSpecificCause().getMessage())
                    .contains("campaign_creation_key_idx")) {
                throw new ConflictException("idempotency-key-in-use", "Another request with Idempotency-Key "
                        + key.key() + " is creating a campaign at this moment; retry it to get that campaign.");
            }
            throw violation;
        }
    }

    /** Replaces a draft campaign. */
    @Transactional
    public CampaignView update(String brandCode, long id, @NotNull @Valid NewCampaign campaign) {
        Campaign stored = require(brands.idOf(brandCode), id);
        requireSegment(brandCode, campaign);
        stored.update(checked(campaign), audienceJson(campaign), clock.instant());
        return view(campaigns.saveAndFlush(stored));
    }

    @Transactional(readOnly = true)
    public CampaignView get(String brandCode, long id) {
        return view(require(brands.idOf(brandCode), id));
    }

    /** The brand's campaigns, newest first (the latest 1000). */
    @Transactional(readOnly = true)
    public List<CampaignView> list(String brandCode) {
        long brandId = brands.idOf(brandCode);
        List<Campaign> found = campaigns.findTop1000ByBrandIdOrderByIdDesc(brandId);
        // The coupon counts of every listed campaign in one statement, not one per campaign.
        Map<Long, long[]> coupons = new HashMap<>();
        jdbc.sql("""
                        select campaign_id, count(*), count(member_id) from campaign.coupon
                         where brand_id = :brand and campaign_id = any(cast(:campaigns as bigint[]))
                         group by campaign_id
                        """)
                .param("brand", brandId).param("campaigns", found.stream().map(Campaign::getId).toArray(Long[]::new))
                .query(rs -> {
                    coupons.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return found.stream().map(c -> view(c, coupons.getOrDefault(c.getId(), new long[2]))).toList();
    }

    @Transactional
    public CampaignView schedule(String brandCode, long id) {
        return move(brandCode, id, Campaign::schedule);
    }

    @Transactional
    public CampaignView unschedule(String brandCode, long id) {
        return move(brandCode, id, Campaign::unschedule);
    }

    /**
     * Starts the campaign now. A one-off campaign freezes its audience and queues its messages in one transaction,
     * its audience readied before it (see {@link AudienceSource#prepare}); a triggered one enrols persons as its
     * trigger occurs from now on. Outside any transaction of the caller's or of this class's making: even an empty
     * one would keep the first connection used until its end, while the readying takes others.
     */
    public CampaignView launch(String brandCode, long id) {
        BrandContext brand = brands.context(brandCode);
        Readied audience = readied(brand, require(brand.id(), id));
        return transaction.execute(status -> {
            Campaign campaign = require(brand.id(), id);
            launch(brand, campaign, audience);
            return view(campaign);
        });
    }

    /** Stops sending until resumed; queued messages wait. */
    @Transactional
    public CampaignView pause(String brandCode, long id) {
        return move(brandCode, id, Campaign::pause);
    }

    @Transactional
    public CampaignView resume(String brandCode, long id) {
        return move(brandCode, id, Campaign::resume);
    }

    /**
     * Stops the campaign for good; messages not yet sent are skipped, and so are those whose sender died with them
     * (their lease ran out): a cancelled campaign's messages are never claimed again.
     */
    @Transactional
    public CampaignView cancel(String brandCode, long id) {
        Campaign campaign = require(brands.idOf(brandCode), id);
        Instant now = clock.instant();
        campaign.cancel(now);
        campaigns.saveAndFlush(campaign);
        jdbc.sql("""
                        update campaign.message set state = 'SKIPPED', skip_reason = 'CANCELLED', lease_token = null,
                               lease_until = null
                         where brand_id = :brand and campaign_id = :campaign
                           and (state = 'PENDING' or (state = 'SENDING' and lease_until <= :now))
                        """)
                .param("brand", campaign.getBrandId()).param("campaign", id)
                .param("now", Timestamp.from(now)).update();
        return view(campaign);
    }

    /** Adds codes to the campaign's coupon pool; a code already in it is counted, not added twice. */
    @Transactional
    public CouponUpload uploadCoupons(String brandCode, long id,
            @NotEmpty @Size(max = 100000) List<@NotNull @Pattern(regexp = "[\\x21-\\x7E]{1,64}") String> codes) {
        Campaign campaign = require(brands.idOf(brandCode), id);
        campaign.requireOpen("add coupons to");
        int added = jdbc.sql("""
                        insert into campaign.coupon (brand_id, campaign_id, code)
                        select :brand, :campaign, code from unnest(cast(:codes as text[])) as code
                        on conflict do nothing
                        """)
                .param("brand", campaign.getBrandId()).param("campaign", id)
                .param("codes", codes.toArray(String[]::new)).update();
        return new CouponUpload(added, codes.size() - added, coupons(campaign)[0]);
    }

    /** The campaign's messages by ascending id. */
    @Transactional(readOnly = true)
    public MessagePage messages(String brandCode, long id, long after, int limit) {
        Campaign campaign = require(brands.idOf(brandCode), id);
        return delivery.messages(campaign.getBrandId(), campaign.getId(), after, limit);
    }

    /** Launches every scheduled campaign whose time has come, each in its own transaction. */
    public int launchDue() {
        int launched = 0;
        for (Campaign due : campaigns.findByStateAndScheduledAtLessThanEqualOrderById(CampaignState.SCHEDULED,
                clock.instant())) {
            try {
                BrandContext brand = brands.context(brands.codeOf(due.getBrandId()));
                Readied audience = readied(brand, due);
                transaction.executeWithoutResult(status -> launch(brand, require(due.getBrandId(), due.getId()),
                        audience));
                launched++;
            } catch (RuntimeException e) {
                LOG.warn("Scheduled campaign {} (brand {}) did not launch; it is tried again next time",
                        due.getId(), due.getBrandId(), e);
            }
        }
        return launched;
    }

    /**
     * Readies a one-off campaign's audience for its launch, outside the launch's transaction; answers what the
     * launch runs in it. A campaign that cannot launch is refused first, before any work.
     */
    private Readied readied(BrandContext brand, Campaign campaign) {
        campaign.requireLaunchable();
        if (campaign.trigger() != null) {
            return new Readied(campaign.getAudience(), null, () -> {
            });
        }
        Audience audience = json.readValue(campaign.getAudience(), Audience.class);
        AudienceSource source = source(audience);
        return new Readied(campaign.getAudience(), source.query(audience), source.prepare(brand.code(), audience));
    }

    /**
     * An audience (as stored) readied for a launch: its query (none for a triggered campaign), and what the launch
     * runs in its transaction before reading it.
     */
    private record Readied(String audience, AudienceQuery query, Runnable inTransaction) {
    }

    /** Launches the campaign with the audience readied for it, unless that audience has changed since (409). */
    private void launch(BrandContext brand, Campaign campaign, Readied readied) {
        if (!Objects.equals(campaign.getAudience(), readied.audience())) {
            throw new ConflictException("concurrent-change",
                    "The campaign's audience changed while it was being launched: launch it again.");
        }
        campaign.launch(clock.instant());
        campaigns.saveAndFlush(campaign);
        if (campaign.trigger() != null) {
            return;
        }
        if (Template.variables(campaign.getTemplate()).contains("coupon") && coupons(campaign)[0] == 0) {
            throw new ConflictException("campaign-without-coupons",
                    "The template uses {{coupon}} but the campaign's coupon pool is empty: upload codes first.");
        }
        readied.inTransaction().run();
        enrolment.enrol(brand, campaign, new Enrolment.Source(
                "select a.member_id, 'launch' as occurrence from (" + readied.query().sql() + ") a",
                readied.query().params()));
    }

    private AudienceSource source(Audience audience) {
        return audiences.stream().filter(candidate -> candidate.reads(audience)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No audience source reads " + audience));
    }

    private CampaignView move(String brandCode, long id, BiConsumer<Campaign, Instant> transition) {
        Campaign campaign = require(brands.idOf(brandCode), id);
        transition.accept(campaign, clock.instant());
        return view(campaigns.saveAndFlush(campaign));
    }

    /** A segment audience names a segment of the brand (a 404 otherwise). */
    private void requireSegment(String brandCode, NewCampaign campaign) {
        if (campaign.audience() != null && campaign.audience().segmentId() != null) {
            segments.get(brandCode, campaign.audience().segmentId());
        }
    }

    /** The rules a single field cannot say. */
    private NewCampaign checked(NewCampaign campaign) {
        if ((campaign.audience() == null) == (campaign.trigger() == null)) {
            throw new InvalidInputException("invalid-campaign",
                    "A campaign has either an audience (one-off) or a trigger (lifecycle), not both or neither.");
        }
        if (campaign.audience() != null && campaign.audience().kinds() != 1) {
            throw new InvalidInputException("invalid-campaign",
                    "audience: give exactly one of segmentId, memberIds or tag.");
        }
        if (campaign.trigger() != null && campaign.trigger().type() == TriggerType.WIN_BACK
                && campaign.trigger().days() == null) {
            throw new InvalidInputException("invalid-campaign",
                    "trigger.days: a WIN_BACK trigger needs the days without an order after which it fires.");
        }
        Template.validate(campaign.template());
        return campaign;
    }

    private String audienceJson(NewCampaign campaign) {
        return campaign.audience() == null ? null : json.writeValueAsString(campaign.audience());
    }

    private Campaign require(long brandId, long id) {
        return campaigns.findByBrandIdAndId(brandId, id).orElseThrow(() -> new NotFoundException(
                "campaign-not-found", "No campaign " + id + " in this brand."));
    }

    /** The pool's size and the codes given out. */
    private long[] coupons(Campaign campaign) {
        return jdbc.sql("""
                        select count(*), count(member_id) from campaign.coupon
                         where brand_id = :brand and campaign_id = :campaign
                        """)
                .param("brand", campaign.getBrandId()).param("campaign", campaign.getId())
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private CampaignView view(Campaign campaign) {
        return view(campaign, coupons(campaign));
    }

    /** The campaign as callers see it, with its coupons uploaded and used. */
    private CampaignView view(Campaign campaign, long[] coupons) {
        return new CampaignView(campaign.getId(), campaign.getName(), campaign.getGoal(),
                campaign.getAudience() == null ? null : json.readValue(campaign.getAudience(), Audience.class),
                campaign.trigger(), campaign.getChannel(), campaign.getTemplate(),
                campaign.getHoldoutShare().stripTrailingZeros(), campaign.getAttributionDays(),
                campaign.getScheduledAt(), campaign.getState(), campaign.getState().next(), campaign.getLaunchedAt(),
                campaign.getFinishedAt(), campaign.getCreatedAt(), campaign.getUpdatedAt(), coupons[0], coupons[1]);
    }
}
