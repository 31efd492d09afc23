package org.privatedomain.cdp.campaign.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.privatedomain.cdp.campaign.delivery.Channel;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.segmentation.tier.Tier;

/**
 * The campaign aggregate: what it says to whom, and its state, which only moves along {@link CampaignState#next()}.
 * Its audience is kept as the JSON the caller gave, so a new audience kind needs no new column.
 */
@Entity
@Table(schema = "campaign", name = "campaign")
class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private long brandId;

    private String name;

    private String goal;

    @JdbcTypeCode(SqlTypes.JSON)
    private String audience;

    @Enumerated(EnumType.STRING)
    private TriggerType triggerType;

    private Integer triggerDays;

    @Enumerated(EnumType.STRING)
    private Tier triggerTier;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String template;

    private BigDecimal holdoutShare;

    private int attributionDays;

    private Instant scheduledAt;

    @Enumerated(EnumType.STRING)
    private CampaignState state;

    private Instant launchedAt;

    private Instant finishedAt;

    @Column(updatable = false)
    private Instant createdAt;

    /** The client's Idempotency-Key of the request that created it, if any, and a digest of that request. */
    @Column(updatable = false)
    private String creationKey;

    @Column(updatable = false)
    private String creationDigest;

    private Instant updatedAt;

    @Version
    private int version;

    protected Campaign() {
    }

    Campaign(long brandId, NewCampaign campaign, String audienceJson, CreationKey key, Instant now) {
        this.brandId = brandId;
        this.createdAt = now;
        this.creationKey = key == null ? null : key.key();
        this.creationDigest = key == null ? null : key.digest();
        this.state = CampaignState.DRAFT;
        write(campaign, audienceJson, now);
    }

    /** Whether the key's request is the one that created this campaign (a retry), not another. */
    boolean createdBy(CreationKey key) {
        return key.digest().equals(creationDigest);
    }

    /** Replaces what the campaign says and to whom; only a draft may change. */
    void update(NewCampaign campaign, String audienceJson, Instant now) {
        require(CampaignState.DRAFT, "update");
        write(campaign, audienceJson, now);
    }

    void schedule(Instant now) {
        move(CampaignState.SCHEDULED, "schedule", now);
        if (scheduledAt == null || !scheduledAt.isAfter(now)) {
            throw new InvalidInputException("invalid-schedule",
                    "scheduledAt: a campaign is scheduled for a time in the future; set it with an update first.");
        }
    }

    /** Back to a draft that may be changed, before the scheduled time came. */
    void unschedule(Instant now) {
        move(CampaignState.DRAFT, "unschedule", now); // only SCHEDULED may go back to DRAFT
    }

    /** Refuses a launch from any state but DRAFT and SCHEDULED. */
    void requireLaunchable() {
        if (state != CampaignState.DRAFT && state != CampaignState.SCHEDULED) {
            throw new CampaignStateException("launch", state);
        }
    }

    void launch(Instant now) {
        requireLaunchable();
        move(CampaignState.RUNNING, "launch", now);
        launchedAt = now;
    }

    void pause(Instant now) {
        move(CampaignState.PAUSED, "pause", now);
    }

    void resume(Instant now) {
        if (state != CampaignState.PAUSED) {
            throw new CampaignStateException("resume", state);
        }
        move(CampaignState.RUNNING, "resume", now);
    }

    void cancel(Instant now) {
        move(CampaignState.CANCELLED, "cancel", now);
        finishedAt = now;
    }

    /** Whether coupons may still be added: not once the campaign is over. */
    void requireOpen(String action) {
        if (state == CampaignState.COMPLETED || state == CampaignState.CANCELLED) {
            throw new CampaignStateException(action, state);
        }
    }

    private void move(CampaignState target, String action, Instant now) {
        if (!state.next().contains(target)) {
            throw new CampaignStateException(action, state);
        }
        state = target;
        updatedAt = now;
    }

    private void require(CampaignState expected, String action) {
        if (state != expected) {
            throw new CampaignStateException(action, state);
        }
    }

    private void write(NewCampaign campaign, String audienceJson, Instant now) {
        this.name = campaign.name();
        this.goal = campaign.goal();
        this.audience = audienceJson;
        this.triggerType = campaign.trigger() == null ? null : campaign.trigger().type();
        this.triggerDays = campaign.trigger() == null ? null : campaign.trigger().days();
        this.triggerTier = campaign.trigger() == null ? null : campaign.trigger().tier();
        this.channel = campaign.channel();
        this.template = campaign.template();
        this.holdoutShare = campaign.holdoutShare() == null ? new BigDecimal("0.1") : campaign.holdoutShare();
        this.attributionDays = campaign.attributionDays() == null ? 7 : campaign.attributionDays();
        this.scheduledAt = campaign.scheduledAt() == null ? null : campaign.scheduledAt().toInstant();
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    long getBrandId() {
        return brandId;
    }

    String getName() {
        return name;
    }

    String getGoal() {
        return goal;
    }

    String getAudience() {
        return audience;
    }

    Trigger trigger() {
        return triggerType == null ? null : new Trigger(triggerType, triggerDays, triggerTier);
    }

    Channel getChannel() {
        return channel;
    }

    String getTemplate() {
        return template;
    }

    BigDecimal getHoldoutShare() {
        return holdoutShare;
    }

    int getAttributionDays() {
        return attributionDays;
    }

    Instant getScheduledAt() {
        return scheduledAt;
    }

    CampaignState getState() {
        return state;
    }

    Instant getLaunchedAt() {
        return launchedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
