package org.privatedomain.cdp.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.campaign.CampaignFacts;
import org.privatedomain.cdp.campaign.TestClock;
import org.privatedomain.cdp.campaign.WebhookReceiver;
import org.privatedomain.cdp.campaign.campaign.Audience;
import org.privatedomain.cdp.campaign.campaign.CampaignService;
import org.privatedomain.cdp.campaign.campaign.CampaignState;
import org.privatedomain.cdp.campaign.campaign.CampaignView;
import org.privatedomain.cdp.campaign.campaign.NewCampaign;
import org.privatedomain.cdp.campaign.report.CampaignReport;
import org.privatedomain.cdp.campaign.report.CampaignReportService;
import org.privatedomain.cdp.campaign.settings.CampaignSettings;
import org.privatedomain.cdp.campaign.settings.CampaignSettingsService;
import org.privatedomain.cdp.campaign.settings.QuietHours;
import org.privatedomain.cdp.core.event.ConsentChannel;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaigns end to end on the WEBHOOK channel, against a local receiver that counts every request it gets. The
 * clock starts on the 20th of last month, 10:00 in Shanghai, so every fact lies in the past.
 */
@SpringBootTest
@Import(TestDatabase.class)
class DeliveryTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String SECRET = "webhook-secret-0123456789";

    @Autowired
    CampaignFacts facts;
    @Autowired
    TestClock clock;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignSettingsService settings;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    DeliveryService delivery;
    @Autowired
    CampaignReportService reports;
    @Autowired
    JdbcClient jdbc;

    String brand;
    Instant start;
    WebhookReceiver receiver;

    @BeforeEach
    void brandWithWebhook() throws Exception {
        start = LocalDate.now(SHANGHAI).withDayOfMonth(1).minusMonths(1).withDayOfMonth(20).atTime(10, 0)
                .atZone(SHANGHAI).toInstant();
        clock.set(start);
        brand = facts.brand();
        receiver = new WebhookReceiver(SECRET);
        settings(null, null);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void launchToReport() {
        List<Long> members = members(40);
        CampaignView campaign = campaigns.create(brand, campaign(members, "0.3",
                "Hi {{name}} from {{city}}: {{coupon}}"));
        campaigns.uploadCoupons(brand, campaign.id(),
                IntStream.range(0, 50).mapToObj(i -> "CPN%03d".formatted(i)).toList());
        settings(null, null, new BigDecimal("0.05"));

        campaigns.launch(brand, campaign.id());
        dispatcher.dispatch();

        // The holdout is the campaign's hash bucket of each person below 3000 of 10000, nothing else.
        List<Long> heldOut = jdbc.sql("""
                        select m from unnest(cast(:members as bigint[])) as m
                         where (((hashtextextended(cast(:campaign as bigint)::text || ':' || m::text, 0) % 10000)
                                 + 10000) % 10000) < 3000 order by m
                        """)
                .param("members", members.toArray(Long[]::new)).param("campaign", campaign.id())
                .query(Long.class).list();
        assertThat(heldOut).isNotEmpty();
        int sent = members.size() - heldOut.size();
        assertThat(receiver.deliveries()).hasSize(sent).allMatch(WebhookReceiver.Delivery::signatureValid);
        assertThat(receiver.deliveries().getFirst().body()).matches(
                "\\{\"idempotencyKey\":\"cdp-\\d+-\\d+-\\d+-launch\",\"campaignId\":\\d+,\"memberId\":\\d+,"
                        + "\"channel\":\"WEBHOOK\",\"content\":\"Hi Name p\\d+ from City \\d+: CPN\\d{3}\","
                        + "\"coupon\":\"CPN\\d{3}\"}");
        List<MessageView> messages = delivery.messages(brandId(), campaign.id(), 0, 1000).messages();
        assertThat(messages).hasSize(sent).allMatch(m -> m.state().equals("SENT"));
        assertThat(messages.stream().map(MessageView::memberId)).doesNotContainAnyElementsOf(heldOut);
        assertThat(messages.stream().map(MessageView::coupon).distinct()).hasSize(sent);
        assertThat(campaigns.get(brand, campaign.id()).state()).isEqualTo(CampaignState.COMPLETED);

        // Receipts: all delivered (one sent twice), two opened, one clicked, one unknown key.
        List<NewReceipt> receipts = new ArrayList<>();
        messages.forEach(m -> receipts.add(new NewReceipt(m.idempotencyKey(), ReceiptStatus.DELIVERED, null)));
        receipts.add(new NewReceipt(messages.get(0).idempotencyKey(), ReceiptStatus.DELIVERED, null));
        receipts.add(new NewReceipt(messages.get(0).idempotencyKey(), ReceiptStatus.OPENED, null));
        receipts.add(new NewReceipt(messages.get(1).idempotencyKey(), ReceiptStatus.OPENED, null));
        receipts.add(new NewReceipt(messages.get(1).idempotencyKey(), ReceiptStatus.CLICKED, null));
        receipts.add(new NewReceipt("nobody", ReceiptStatus.CLICKED, null));
        ReceiptResult result = delivery.record(brand, receipts);
        assertThat(result.recorded()).isEqualTo(sent + 3);
        assertThat(result.unknownKeys()).containsExactly("nobody");
        assertThat(delivery.record(brand, receipts.subList(0, 3)).duplicate()).isEqualTo(3);

        // Five receivers buy within the week, one more only after it; one held-out person buys within it.
        for (int i = 0; i < 5; i++) {
            facts.buy(brand, name(messages.get(i).memberId()), start.plus(Duration.ofHours(2)), "100.00");
        }
        facts.buy(brand, name(messages.get(5).memberId()), start.plus(Duration.ofDays(8)), "100.00");
        facts.buy(brand, name(heldOut.getFirst()), start.plus(Duration.ofDays(1)), "60.00");

        CampaignReport report = reports.report(brand, campaign.id());

        assertThat(report.audience().entered()).isEqualTo(members.size());
        assertThat(report.audience().campaignHoldout()).isEqualTo(heldOut.size());
        assertThat(report.delivery().sent()).isEqualTo(sent);
        assertThat(report.delivery().delivered()).isEqualTo(sent);
        assertThat(report.delivery().opened()).isEqualTo(2);
        assertThat(report.delivery().clicked()).isEqualTo(1);
        assertThat(report.treatment().persons()).isEqualTo(sent);
        assertThat(report.treatment().converted()).isEqualTo(5);
        assertThat(report.treatment().gmv()).isEqualByComparingTo("500.00");
        assertThat(report.holdout().persons()).isEqualTo(heldOut.size());
        assertThat(report.holdout().converted()).isEqualTo(1);
        assertThat(report.uplift().absolute()).isEqualTo(5.0 / sent - 1.0 / heldOut.size());
        // Incremental GMV: (500 / sent - 60 / held out) x sent; cost: sent x 0.05.
        BigDecimal incremental = BigDecimal.valueOf(500.0 / sent - 60.0 / heldOut.size())
                .multiply(BigDecimal.valueOf(sent));
        assertThat(report.incrementalGmv().doubleValue()).isCloseTo(incremental.doubleValue(), within(0.01));
        assertThat(report.cost()).isEqualByComparingTo(new BigDecimal("0.05").multiply(BigDecimal.valueOf(sent)));
        assertThat(report.roi()).isNotNull();
        assertThat(report.tiers().treatment().upgraded() + report.tiers().treatment().unchanged()
                + report.tiers().treatment().downgraded()).isEqualTo(sent);
    }

    @Test
    void aDispatcherThatDiesMidRunLeavesEveryMessageSentExactlyOnce() {
        CampaignView campaign = campaigns.create(brand, campaign(members(10), "0", "Hello {{name}}"));
        campaigns.launch(brand, campaign.id());

        // A dispatcher claims all ten, sends four, and dies: the other six stay leased to it.
        Dispatcher.Claim claim = dispatcher.claim();
        List<OutgoingMessage> ours = claim.messages().stream().filter(m -> m.campaignId() == campaign.id()).toList();
        assertThat(ours).hasSize(10);
        dispatcher.send(new Dispatcher.Claim(claim.token(), 4, ours.subList(0, 4)));
        dispatcher.dispatch();
        assertThat(receiver.deliveries()).hasSize(4);

        // Once the lease expires, a new dispatcher takes over the six.
        clock.advance(Duration.ofSeconds(61));
        dispatcher.dispatch();

        assertThat(receiver.deliveries()).hasSize(10);
        assertThat(ours).allMatch(m -> receiver.count(m.idempotencyKey()) == 1);
        assertThat(states(campaign)).containsOnlyKeys("SENT");
    }

    @Test
    void aMessageWhoseSenderDiedAfterTheCampaignWasCancelledIsSkippedOnceItsLeaseRunsOut() {
        CampaignView campaign = campaigns.create(brand, campaign(members(3), "0", "Hello {{name}}"));
        campaigns.launch(brand, campaign.id());
        Dispatcher.Claim claim = dispatcher.claim(); // claimed, then the dispatcher dies without sending
        assertThat(claim.messages()).filteredOn(m -> m.campaignId() == campaign.id()).hasSize(3);

        campaigns.cancel(brand, campaign.id()); // their lease still holds: cancel leaves them SENDING
        assertThat(states(campaign)).containsOnly(Map.entry("SENDING", 3L));
        dispatcher.dispatch();
        assertThat(states(campaign)).containsOnly(Map.entry("SENDING", 3L));

        clock.advance(Duration.ofSeconds(61));
        dispatcher.dispatch();

        assertThat(states(campaign)).containsOnly(Map.entry("SKIPPED", 3L));
        assertThat(receiver.deliveries()).isEmpty();
    }

    @Test
    void aSendWhoseAnswerIsLostIsSentAgainAndOnlyThat() {
        CampaignView campaign = campaigns.create(brand, campaign(members(6), "0", "Hello {{name}}"));
        campaigns.launch(brand, campaign.id());
        List<String> keys = keys(campaign);
        receiver.loseAnswerOnce.addAll(keys.subList(0, 2));

        dispatcher.dispatch();
        assertThat(states(campaign)).containsOnly(Map.entry("SENT", 4L), Map.entry("PENDING", 2L));
        dispatcher.dispatch();
        assertThat(receiver.deliveries()).as("the retry waits for its backoff").hasSize(6);
        clock.advance(Duration.ofSeconds(5));
        dispatcher.dispatch();

        // At least once: the two whose outcome was unknown arrived twice (raw), the others exactly once.
        assertThat(receiver.deliveries()).hasSize(8);
        assertThat(keys.subList(0, 2)).allMatch(key -> receiver.count(key) == 2);
        assertThat(keys.subList(2, 6)).allMatch(key -> receiver.count(key) == 1);
        assertThat(states(campaign)).containsExactly(Map.entry("SENT", 6L));
    }

    @Test
    void consentRevokedBetweenSchedulingAndSendingIsHonoured() {
        List<Long> members = members(4);
        facts.consent(brand, name(members.get(3)), ConsentChannel.ALL, false, start.minus(Duration.ofDays(1)));
        NewCampaign draft = campaign(members, "0", "Hello {{name}}");
        CampaignView campaign = campaigns.create(brand, new NewCampaign(draft.name(), null, draft.audience(), null,
                draft.channel(), draft.template(), draft.holdoutShare(), null,
                start.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)));
        campaigns.schedule(brand, campaign.id());
        assertThat(campaigns.launchDue()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(campaigns.launchDue()).isEqualTo(1);

        // Person 0 revokes marketing on every channel, person 1 only SMS, after the messages were queued.
        facts.consent(brand, name(members.get(0)), ConsentChannel.ALL, false, clock.instant());
        facts.consent(brand, name(members.get(1)), ConsentChannel.SMS, false, clock.instant());
        dispatcher.dispatch();

        assertThat(receiver.deliveries()).hasSize(2);
        Map<Long, MessageView> messages = delivery.messages(brandId(), campaign.id(), 0, 100).messages().stream()
                .collect(Collectors.toMap(MessageView::memberId, m -> m));
        assertThat(messages.get(members.get(0)).state()).isEqualTo("SKIPPED");
        assertThat(messages.get(members.get(0)).skipReason()).isEqualTo("NO_CONSENT");
        assertThat(messages.get(members.get(1)).state()).isEqualTo("SENT");
        assertThat(messages).doesNotContainKey(members.get(3));
        CampaignReport report = reports.report(brand, campaign.id());
        assertThat(report.audience().noConsent()).isEqualTo(1);
        assertThat(report.delivery().skippedNoConsent()).isEqualTo(1);
    }

    @Test
    void theFrequencyCapHoldsAcrossCampaigns() {
        List<Long> members = members(3);
        settings(1, null);
        CampaignView first = launched(members);
        dispatcher.dispatch();
        clock.advance(Duration.ofHours(1));
        CampaignView second = launched(members);
        assertThat(reports.report(brand, second.id()).audience().capped()).isEqualTo(3);
        clock.advance(Duration.ofHours(24));
        CampaignView third = launched(members);
        dispatcher.dispatch();
        assertThat(states(first)).containsExactly(Map.entry("SENT", 3L));
        assertThat(states(second)).isEmpty();
        assertThat(states(third)).containsExactly(Map.entry("SENT", 3L));

        // Queued before the cap was set, two campaigns' messages meet it when they are sent: one each.
        clock.advance(Duration.ofHours(25));
        settings(null, null);
        CampaignView fourth = launched(members);
        CampaignView fifth = launched(members);
        settings(1, null);
        dispatcher.dispatch();
        assertThat(states(fourth)).containsExactly(Map.entry("SENT", 3L));
        assertThat(delivery.messages(brandId(), fifth.id(), 0, 100).messages())
                .allMatch(m -> m.state().equals("SKIPPED") && m.skipReason().equals("CAPPED"));
        assertThat(receiver.deliveries()).hasSize(9);
    }

    @Test
    void messagesDueInQuietHoursWaitForTheirEnd() {
        List<Long> members = members(3);
        settings(null, new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)));
        Instant lateEvening = start.atZone(SHANGHAI).with(LocalTime.of(23, 0)).toInstant();
        Instant morning = start.atZone(SHANGHAI).plusDays(1).with(LocalTime.of(8, 0)).toInstant();
        clock.set(lateEvening);

        CampaignView campaign = launched(members);
        assertThat(delivery.messages(brandId(), campaign.id(), 0, 100).messages())
                .allMatch(m -> m.dueAt().equals(morning));
        dispatcher.dispatch();
        clock.set(morning.minusSeconds(60));
        dispatcher.dispatch();
        assertThat(receiver.deliveries()).isEmpty();
        clock.set(morning);

        dispatcher.dispatch();
        assertThat(receiver.deliveries()).hasSize(3);
    }

    @Test
    void aRefusedMessageFailsAtOnceAndAnUnreachableWebhookAfterItsAttempts() {
        CampaignView campaign = campaigns.create(brand, campaign(members(3), "0", "Hello {{name}}"));
        campaigns.launch(brand, campaign.id());
        List<String> keys = keys(campaign);
        receiver.refuse.add(keys.getFirst());

        dispatcher.dispatch();

        assertThat(states(campaign)).containsOnly(Map.entry("SENT", 2L), Map.entry("FAILED", 1L));
        assertThat(receiver.count(keys.getFirst())).isEqualTo(1);
        assertThat(reports.report(brand, campaign.id()).delivery().failed()).isEqualTo(1);

        // Nobody listens at the webhook URL: each attempt is retried after 1 s, 2 s, 4 s, ... until the sixth.
        receiver.close();
        CampaignView unreachable = launched(members(1));
        for (int attempt = 1; attempt <= 6; attempt++) {
            dispatcher.dispatch();
            clock.advance(Duration.ofSeconds(1L << attempt));
        }
        MessageView message = delivery.messages(brandId(), unreachable.id(), 0, 10).messages().getFirst();
        assertThat(message.state()).isEqualTo("FAILED");
        assertThat(message.attempts()).isEqualTo(6);
        assertThat(message.lastError()).contains("outcome unknown");
    }

    @Test
    void theBrandHoldoutKeepsTheSamePersonsOutOfEveryCampaign() {
        List<Long> members = members(30);
        settings.change(brand, new CampaignSettings(null, 24, null, receiver.url(), SECRET, BigDecimal.ZERO,
                new BigDecimal("0.5")));
        List<Long> expected = jdbc.sql("""
                        select m from unnest(cast(:members as bigint[])) as m
                         where (((hashtextextended(cast(:brand as bigint)::text || ':' || m::text, 0) % 10000)
                                 + 10000) % 10000) < 5000 order by m
                        """)
                .param("members", members.toArray(Long[]::new)).param("brand", brandId()).query(Long.class).list();

        CampaignView first = launched(members);
        CampaignView second = launched(members);

        for (CampaignView campaign : List.of(first, second)) {
            List<Long> heldOut = jdbc.sql("""
                            select member_id from campaign.audience_member
                             where campaign_id = :campaign and holdout = 'BRAND' order by member_id
                            """)
                    .param("campaign", campaign.id()).query(Long.class).list();
            assertThat(heldOut).isEqualTo(expected);
            assertThat(delivery.messages(brandId(), campaign.id(), 0, 100).messages())
                    .hasSize(members.size() - expected.size());
        }
        assertThat(expected).isNotEmpty().hasSizeLessThan(members.size());
    }

    private CampaignView launched(List<Long> members) {
        CampaignView campaign = campaigns.create(brand, campaign(members, "0", "Hello {{name}}"));
        return campaigns.launch(brand, campaign.id());
    }

    private NewCampaign campaign(List<Long> members, String holdout, String template) {
        return new NewCampaign("Autumn", "Repeat purchases", new Audience(null, members, null), null, Channel.WEBHOOK,
                template, new BigDecimal(holdout), 7, null);
    }

    /** Persons p<id> in City <n>, members for a month (so consenting by relationship); answers their ids. */
    private List<Long> members(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(facts.member(brand, "tmp" + i, "City " + i, null, start.minus(Duration.ofDays(30))));
        }
        // Rename each person after its id, so messages can name them back.
        ids.forEach(id -> jdbc.sql("update core.member set name = 'Name p' || id where brand_id = :brand and id = :id")
                .param("brand", brandId()).param("id", id).update());
        return ids;
    }

    /** The member number a person was made with, by id. */
    private String name(long memberId) {
        return jdbc.sql("""
                        select lookup_key from core.identity
                         where brand_id = :brand and member_id = :id and type = 'MEMBER_NO'
                        """)
                .param("brand", brandId()).param("id", memberId).query(String.class).single();
    }

    private List<String> keys(CampaignView campaign) {
        return delivery.messages(brandId(), campaign.id(), 0, 100).messages().stream()
                .map(MessageView::idempotencyKey).toList();
    }

    private Map<String, Long> states(CampaignView campaign) {
        return delivery.messages(brandId(), campaign.id(), 0, 1000).messages().stream()
                .collect(Collectors.groupingBy(MessageView::state, Collectors.counting()));
    }

    private void settings(Integer cap, QuietHours quiet) {
        settings(cap, quiet, BigDecimal.ZERO);
    }

    private void settings(Integer cap, QuietHours quiet, BigDecimal cost) {
        settings.change(brand, new CampaignSettings(cap, 24, quiet, receiver.url(), SECRET, cost, BigDecimal.ZERO));
    }

    private long brandId() {
        return jdbc.sql("select id from core.brand where code = :code").param("code", brand).query(Long.class)
                .single();
    }
}
