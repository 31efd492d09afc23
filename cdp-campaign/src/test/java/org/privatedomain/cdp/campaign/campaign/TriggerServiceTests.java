package org.privatedomain.cdp.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.campaign.CampaignFacts;
import org.privatedomain.cdp.campaign.TestClock;
import org.privatedomain.cdp.campaign.delivery.Channel;
import org.privatedomain.cdp.campaign.delivery.MessageView;
import org.privatedomain.cdp.segmentation.tier.Tier;
import org.privatedomain.cdp.testsupport.ConnectionsPerThread;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Lifecycle campaigns enrol each person once per occurrence of their trigger, and never before launch. */
@SpringBootTest
@Import({TestDatabase.class, ConnectionsPerThread.class})
class TriggerServiceTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ConnectionsPerThread connections;
    @Autowired
    CampaignFacts facts;
    @Autowired
    TestClock clock;
    @Autowired
    CampaignService campaigns;
    @Autowired
    TriggerService triggers;

    String brand;
    Instant start;

    @BeforeEach
    void brand() {
        // The 20th of last month, 10:00 in Shanghai: the 18th and 19th lie in the same period.
        start = LocalDate.now(SHANGHAI).withDayOfMonth(1).minusMonths(1).withDayOfMonth(20).atTime(10, 0)
                .atZone(SHANGHAI).toInstant();
        clock.set(start);
        brand = facts.brand();
    }

    @Test
    void welcomeGreetsEachJoinAfterLaunchOnce() {
        facts.member(brand, "before", null, null, start.minus(Duration.ofDays(1)));
        CampaignView campaign = launched(new Trigger(TriggerType.WELCOME, null, null), "Welcome {{name}}");
        long joined = facts.member(brand, "after", null, null, start.plus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofHours(1));

        triggers.evaluate();
        triggers.evaluate();

        List<MessageView> messages = messages(campaign);
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.memberId()).isEqualTo(joined);
            assertThat(message.occurrence()).startsWith("join:");
        });
    }

    @Test
    void birthdaysAreGreetedOnTheLocalDateOncePerYear() {
        LocalDate today = start.atZone(SHANGHAI).toLocalDate();
        long birthday = facts.member(brand, "b", null, today.minusYears(30), start.minus(Duration.ofDays(10)));
        facts.member(brand, "other", null, today.minusYears(30).minusDays(1), start.minus(Duration.ofDays(10)));
        CampaignView campaign = launched(new Trigger(TriggerType.BIRTHDAY, null, null), "Happy birthday {{name}}");

        triggers.evaluate();
        triggers.evaluate();

        assertThat(messages(campaign)).singleElement().satisfies(message -> {
            assertThat(message.memberId()).isEqualTo(birthday);
            assertThat(message.occurrence()).isEqualTo("birthday:" + today.getYear());
        });
    }

    @Test
    void winBackFiresWhenRecencyPassesTheThresholdAfterLaunch() {
        long lapsing = facts.member(brand, "lapsing", null, null, start.minus(Duration.ofDays(90)));
        facts.buy(brand, "lapsing", start.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(30)), "80.00");
        facts.member(brand, "long-gone", null, null, start.minus(Duration.ofDays(90)));
        facts.buy(brand, "long-gone", start.minus(Duration.ofDays(60)), "80.00");
        CampaignView campaign = launched(new Trigger(TriggerType.WIN_BACK, 30, null), "We miss you");
        triggers.evaluate();
        assertThat(messages(campaign)).isEmpty();

        clock.advance(Duration.ofHours(1));
        triggers.evaluate();
        triggers.evaluate();

        assertThat(messages(campaign)).singleElement()
                .satisfies(message -> assertThat(message.memberId()).isEqualTo(lapsing));
    }

    @Test
    void aTierUpgradeIsGreetedOncePerPeriod() {
        // Members since two months ago; in this period one buys on two days (REPEAT_MEMBER), one on one day.
        long repeat = facts.member(brand, "repeat", null, null, start.minus(Duration.ofDays(60)));
        facts.member(brand, "once", null, null, start.minus(Duration.ofDays(60)));
        facts.buy(brand, "repeat", start.minus(Duration.ofDays(2)), "50.00");
        facts.buy(brand, "repeat", start.minus(Duration.ofDays(1)), "50.00");
        facts.buy(brand, "once", start.minus(Duration.ofDays(1)), "50.00");
        CampaignView campaign = launched(new Trigger(TriggerType.TIER_UPGRADE, null, Tier.REPEAT_MEMBER),
                "Thank you {{name}}");

        connections.watchThisThread();
        triggers.evaluate(); // computes both periods' tiers: never one connection held while taking a second
        assertThat(connections.mostHeld()).isEqualTo(1);
        triggers.evaluate();

        String period = start.atZone(SHANGHAI).toLocalDate().toString().substring(0, 7);
        assertThat(messages(campaign)).singleElement().satisfies(message -> {
            assertThat(message.memberId()).isEqualTo(repeat);
            assertThat(message.occurrence()).isEqualTo("tier:" + period);
        });
    }

    /** Nothing of this brand is left for other test classes' dispatcher runs. */
    @AfterEach
    void cancelLeftovers() {
        Leftovers.cancel(campaigns, brand);
    }

    private CampaignView launched(Trigger trigger, String template) {
        CampaignView campaign = campaigns.create(brand, new NewCampaign("Lifecycle", null, null, trigger,
                Channel.SMS, template, BigDecimal.ZERO, 7, null));
        return campaigns.launch(brand, campaign.id());
    }

    private List<MessageView> messages(CampaignView campaign) {
        return campaigns.messages(brand, campaign.id(), 0, 100).messages();
    }
}
