package org.privatedomain.cdp.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.campaign.CampaignFacts;
import org.privatedomain.cdp.campaign.TestClock;
import org.privatedomain.cdp.campaign.delivery.Channel;
import org.privatedomain.cdp.campaign.delivery.Dispatcher;
import org.privatedomain.cdp.campaign.delivery.MessageView;
import org.privatedomain.cdp.core.error.ConflictException;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.error.NotFoundException;
import org.privatedomain.cdp.segmentation.segment.SegmentDefinition;
import org.privatedomain.cdp.segmentation.segment.SegmentService;
import org.privatedomain.cdp.segmentation.segment.SegmentView;
import org.privatedomain.cdp.testsupport.ConnectionsPerThread;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The campaign aggregate's rules, audiences and coupons. */
@SpringBootTest
@Import({TestDatabase.class, ConnectionsPerThread.class})
class CampaignServiceTests {

    @Autowired
    CampaignFacts facts;
    @Autowired
    TestClock clock;
    @Autowired
    CampaignService campaigns;
    @Autowired
    SegmentService segments;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConnectionsPerThread connections;

    String brand;
    Instant joined;

    @BeforeEach
    void brand() {
        clock.set(Instant.now().minus(Duration.ofDays(1)));
        joined = clock.instant().minus(Duration.ofDays(10));
        brand = facts.brand();
    }

    @Test
    void aTagAudienceIsFrozenAtLaunch() {
        for (int i = 0; i < 4; i++) {
            long member = facts.member(brand, "m" + i, null, null, joined);
            if (i < 3) {
                facts.tag(brand, member, "vip");
            }
        }
        CampaignView campaign = campaigns.create(brand, campaign(new Audience(null, null, "vip"), "Hi {{name}}"));

        campaigns.launch(brand, campaign.id());
        facts.tag(brand, facts.member(brand, "late", null, null, joined), "vip");

        assertThat(messages(campaign)).hasSize(3);
    }

    @Test
    void aSegmentAudienceIsRefreshedAtLaunchAndFrozenThere() {
        for (int i = 0; i < 2; i++) {
            facts.tag(brand, facts.member(brand, "s" + i, null, null, joined), "vip");
        }
        // the tier leaf makes the launch compute the tiers, in a transaction of their own
        SegmentView vip = segments.create(brand, new SegmentDefinition("VIP", null, JsonMapper.builder().build()
                .readTree("{\"all\":[{\"type\":\"tag\",\"tag\":\"vip\"},{\"not\":{\"type\":\"tier\",\"tiers\":[\"KOC\"]}}]}"),
                null));
        CampaignView campaign = campaigns.create(brand, campaign(new Audience(vip.id(), null, null), "Hi"));
        facts.tag(brand, facts.member(brand, "before-launch", null, null, joined), "vip");

        connections.watchThisThread();
        campaigns.launch(brand, campaign.id());
        assertThat(connections.mostHeld()).isEqualTo(1); // never one connection held while taking a second
        facts.tag(brand, facts.member(brand, "after-launch", null, null, joined), "vip");

        assertThat(messages(campaign)).hasSize(3);
        assertThatThrownBy(() -> campaigns.create(brand, campaign(new Audience(999_999L, null, null), "Hi")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("999999");
    }

    @Test
    void anExplicitListKeepsOnlyTheBrandsOwnMembers() {
        long own = facts.member(brand, "own", null, null, joined);
        String other = facts.brand();
        long foreign = facts.member(other, "foreign", null, null, joined);
        CampaignView campaign = campaigns.create(brand,
                campaign(new Audience(null, List.of(own, foreign, 999_999_999L), null), "Hi"));

        campaigns.launch(brand, campaign.id());

        assertThat(messages(campaign)).extracting(MessageView::memberId).containsExactly(own);
    }

    @Test
    void transitionsOutsideTheLifecycleAreRefusedNamingTheStateAndTheWayOn() {
        CampaignView campaign = campaigns.create(brand, campaign(audience(), "Hi {{name}}"));
        assertThatThrownBy(() -> campaigns.resume(brand, campaign.id()))
                .isInstanceOfSatisfying(CampaignStateException.class, refused -> {
                    assertThat(refused.state()).isEqualTo(CampaignState.DRAFT);
                    assertThat(refused.allowed()).containsExactly(CampaignState.SCHEDULED, CampaignState.RUNNING,
                            CampaignState.CANCELLED);
                    assertThat(refused.getMessage()).contains("DRAFT", "SCHEDULED", "RUNNING", "CANCELLED");
                });
        assertThatThrownBy(() -> campaigns.schedule(brand, campaign.id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("scheduledAt");

        campaigns.launch(brand, campaign.id());
        assertThatThrownBy(() -> campaigns.update(brand, campaign.id(), campaign(audience(), "Other")))
                .isInstanceOfSatisfying(CampaignStateException.class,
                        refused -> assertThat(refused.state()).isEqualTo(CampaignState.RUNNING));
        assertThatThrownBy(() -> campaigns.launch(brand, campaign.id())).isInstanceOf(CampaignStateException.class);

        assertThat(campaigns.pause(brand, campaign.id()).state()).isEqualTo(CampaignState.PAUSED);
        dispatcher.dispatch();
        assertThat(messages(campaign)).as("a paused campaign sends nothing").allMatch(m -> m.state().equals("PENDING"));
        assertThat(campaigns.resume(brand, campaign.id()).state()).isEqualTo(CampaignState.RUNNING);
        assertThat(campaigns.cancel(brand, campaign.id()).state()).isEqualTo(CampaignState.CANCELLED);
        assertThat(messages(campaign)).allMatch(m -> m.skipReason().equals("CANCELLED"));
        assertThatThrownBy(() -> campaigns.pause(brand, campaign.id()))
                .isInstanceOfSatisfying(CampaignStateException.class,
                        refused -> assertThat(refused.allowed()).isEmpty());
    }

    @Test
    void aScheduledCampaignGoesBackToDraftToBeChanged() {
        NewCampaign later = new NewCampaign("Later", null, new Audience(null, audience(), null), null, Channel.SMS, "Hi",
                BigDecimal.ZERO, 7, clock.instant().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
        CampaignView campaign = campaigns.create(brand, later);

        assertThat(campaigns.schedule(brand, campaign.id()).state()).isEqualTo(CampaignState.SCHEDULED);
        assertThat(campaigns.unschedule(brand, campaign.id()).state()).isEqualTo(CampaignState.DRAFT);
        assertThat(campaigns.update(brand, campaign.id(), later).state()).isEqualTo(CampaignState.DRAFT);
        assertThatThrownBy(() -> campaigns.unschedule(brand, campaign.id()))
                .isInstanceOf(CampaignStateException.class);
    }

    @Test
    void unknownTemplateVariablesAreRefusedAtSave() {
        assertThatThrownBy(() -> campaigns.create(brand, campaign(audience(), "Hi {{nickname}}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("{{nickname}}");
        assertThatThrownBy(() -> campaigns.create(brand, campaign(new Audience(null, List.of(1L), "vip"), "Hi")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("exactly one");
    }

    @Test
    void eachCouponGoesToOnePersonAndThoseBeyondThePoolAreRecorded() {
        CampaignView campaign = campaigns.create(brand, campaign(audience(), "Your code: {{coupon}}"));
        assertThatThrownBy(() -> campaigns.launch(brand, campaign.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        refused -> assertThat(refused.problem()).isEqualTo("campaign-without-coupons"));
        assertThat(campaigns.get(brand, campaign.id()).state()).isEqualTo(CampaignState.DRAFT);

        CouponUpload upload = campaigns.uploadCoupons(brand, campaign.id(), List.of("A1", "A2", "A1"));
        assertThat(upload).isEqualTo(new CouponUpload(2, 1, 2));
        campaigns.launch(brand, campaign.id());

        List<MessageView> messages = messages(campaign);
        assertThat(messages).extracting(MessageView::coupon).containsExactlyInAnyOrder("A1", "A2");
        assertThat(campaigns.get(brand, campaign.id()).couponsAssigned()).isEqualTo(2);
    }

    @Test
    void aValueThatLooksLikeAVariableStaysText() {
        long member = facts.member(brand, "a", "{{coupon}} {{name}}", null, joined);
        CampaignView campaign = campaigns.create(brand, campaign(List.of(member), "{{city}}: {{coupon}}, {{name}}!"));
        campaigns.uploadCoupons(brand, campaign.id(), List.of("SECRET-1"));
        campaigns.launch(brand, campaign.id());

        assertThat(jdbc.sql("select content from campaign.message where campaign_id = ?").param(campaign.id())
                .query(String.class).single()).isEqualTo("{{coupon}} {{name}}: SECRET-1, Name a!");
    }

    @Test
    void mergedPersonsKeepTheirMessagesAndErasedOnesGetNoMore() {
        long survivor = facts.member(brand, "older", null, null, joined);
        long merged = facts.member(brand, "newer", "Hangzhou", null, joined);
        long erased = facts.member(brand, "gone", null, null, joined);
        CampaignView campaign = campaigns.create(brand, campaign(List.of(merged, erased), "Hi from {{city}}"));
        campaigns.launch(brand, campaign.id());

        facts.link(brand, "older", "newer");
        facts.erase(brand, erased);

        List<MessageView> messages = messages(campaign);
        assertThat(messages).extracting(MessageView::memberId).containsExactlyInAnyOrder(survivor, erased);
        assertThat(messages).filteredOn(m -> m.memberId() == erased).singleElement()
                .satisfies(m -> assertThat(m.skipReason()).isEqualTo("ERASED"));
        assertThat(messages).filteredOn(m -> m.memberId() == survivor).singleElement()
                .satisfies(m -> assertThat(m.idempotencyKey()).endsWith("-" + merged + "-launch"));
    }

    /** Nothing of this brand is left for other test classes' dispatcher runs. */
    @AfterEach
    void cancelLeftovers() {
        Leftovers.cancel(campaigns, brand);
    }

    private List<Long> audience() {
        return List.of(facts.member(brand, "a", null, null, joined), facts.member(brand, "b", null, null, joined),
                facts.member(brand, "c", null, null, joined));
    }

    private static NewCampaign campaign(List<Long> members, String template) {
        return campaign(new Audience(null, members, null), template);
    }

    private static NewCampaign campaign(Audience audience, String template) {
        return new NewCampaign("Spring", null, audience, null, Channel.SMS, template, BigDecimal.ZERO, 7, null);
    }

    private List<MessageView> messages(CampaignView campaign) {
        return campaigns.messages(brand, campaign.id(), 0, 100).messages();
    }
}
