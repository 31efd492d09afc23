package org.privatedomain.cdp.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.event.EventService;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.member.MemberProfile;
import org.privatedomain.cdp.core.order.NewOrder;
import org.privatedomain.cdp.core.order.OrderService;
import org.privatedomain.cdp.core.order.OrderStatus;

class DemoBrandGeneratorTests {

    private static final Instant UNTIL = LocalDate.of(2026, 11, 24).atStartOfDay(DemoBrandGenerator.ZONE).toInstant();

    private final Recorded brand = generate(7, 3_000, 12_000);

    @Test
    void theSameSeedGivesTheSameBrandAndAnotherSeedAnother() {
        assertThat(generate(7, 3_000, 12_000)).isEqualTo(brand);
        assertThat(generate(8, 3_000, 12_000).orders).isNotEqualTo(brand.orders);
    }

    @Test
    void everyRecordIsOneTheApiAccepts() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        brand.events.forEach(event -> {
            assertThat(validator.validate(event)).as(event.toString()).isEmpty();
            EventService.check(event);
        });
        brand.orders.forEach(order -> {
            assertThat(validator.validate(order)).as(order.toString()).isEmpty();
            OrderService.check(order);
        });
        brand.profiles.forEach(profile -> assertThat(validator.validate(profile)).as(profile.toString()).isEmpty());
        assertThat(brand.events.stream().map(NewEvent::eventId).distinct()).hasSameSizeAs(brand.events);
        assertThat(brand.events).allSatisfy(event -> assertThat(event.occurredAt().toInstant()).isBefore(UNTIL)
                .isAfter(UNTIL.minusSeconds(731L * 86_400)));
    }

    @Test
    void ordersComeNearTheSizeAskedWithAHeavyTailAndRefundsSentAgainLater() {
        Map<String, List<NewOrder>> byId = brand.orders.stream()
                .collect(Collectors.groupingBy(NewOrder::orderId, HashMap::new, Collectors.toList()));
        assertThat(byId.size()).isBetween(10_000, 14_000);
        assertThat(byId.values()).allSatisfy(lines -> {
            assertThat(lines.getFirst().status()).isEqualTo(OrderStatus.PAID);
            assertThat(lines.size()).isLessThanOrEqualTo(2);
        });
        long refunded = byId.values().stream().filter(lines -> lines.size() == 2).count();
        assertThat(refunded).isBetween(byId.size() * 5L / 100, byId.size() * 12L / 100);
        Map<String, Long> perBuyer = byId.values().stream().map(lines -> lines.getFirst().identities().getFirst().value())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(perBuyer.values().stream().mapToLong(Long::longValue).max().orElseThrow())
                .as("the most loyal buyer orders far more than the mean").isGreaterThan(10 * 12_000 / 3_000);
    }

    @Test
    void doubleElevenAnd618AreThePeaks() {
        Map<LocalDate, Long> perDay = brand.orders.stream()
                .map(order -> order.paidAt().atZoneSameInstant(DemoBrandGenerator.ZONE).toLocalDate())
                .collect(Collectors.groupingBy(day -> day, Collectors.counting()));
        double mean = perDay.values().stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(perDay.get(LocalDate.of(2025, Month.NOVEMBER, 11))).isGreaterThan((long) (4 * mean));
        assertThat(perDay.get(LocalDate.of(2026, Month.JUNE, 18))).isGreaterThan((long) (2.5 * mean));
    }

    @Test
    void referralsNameOtherPersonsSharesMadeBeforeTheOrder() {
        Map<String, Instant> shares = new HashMap<>();
        brand.events.stream().filter(event -> event.type().equals("SHARE"))
                .forEach(share -> shares.put(share.shareId(), share.occurredAt().toInstant()));
        List<NewOrder> referred = brand.orders.stream().filter(order -> order.referral() != null).toList();
        assertThat(referred).hasSizeGreaterThan(brand.orders.size() / 40);
        assertThat(referred.stream().filter(order -> order.referral().shareId() != null)).isNotEmpty()
                .allSatisfy(order -> assertThat(shares.get(order.referral().shareId()))
                        .isBefore(order.paidAt().toInstant()));
        assertThat(referred.stream().filter(order -> order.referral().sharer() != null)).isNotEmpty()
                .allSatisfy(order -> assertThat(order.identities()).doesNotContain(order.referral().sharer()));
    }

    @Test
    void everyKindOfRecordTheSpecCountsIsThere() {
        Set<String> types = brand.events.stream().map(NewEvent::type).collect(Collectors.toSet());
        assertThat(types).contains("CONNECT", "DISCONNECT", "JOIN_MEMBERSHIP", "LEAVE_MEMBERSHIP", "VISIT", "SHARE",
                "REVIEW", "CONSENT");
        assertThat(brand.events).anySatisfy(event -> assertThat(event.identities())
                .allSatisfy(identity -> assertThat(identity.type()).isEqualTo(IdentityType.ANONYMOUS)));
        assertThat(brand.events).anySatisfy(event -> assertThat(event.granted()).isFalse());
        assertThat(brand.profiles).allSatisfy(profile -> assertThat(profile.city()).isNotBlank());
        assertThat(brand.profiles).as("profiles that bind a Tmall and a WeChat person into one")
                .anySatisfy(profile -> assertThat(profile.identities()).extracting(identity -> identity.type())
                        .contains(IdentityType.TMALL_OUID, IdentityType.WECHAT_UNIONID));
        Set<Object> channels = new HashSet<>();
        brand.orders.forEach(order -> channels.add(order.channel()));
        assertThat(channels).containsExactlyInAnyOrder("TMALL", "MINI_PROGRAM", "STORE", "LIVE");
    }

    private record Recorded(List<NewEvent> events, List<NewOrder> orders, List<MemberProfile> profiles) {
    }

    private static Recorded generate(long seed, int persons, long orders) {
        Recorded recorded = new Recorded(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        new DemoBrandGenerator(seed, persons, orders, UNTIL).generate(new DemoBrandGenerator.Sink() {
            @Override
            public void event(NewEvent event) {
                recorded.events.add(event);
            }

            @Override
            public void order(NewOrder order) {
                recorded.orders.add(order);
            }

            @Override
            public void profile(MemberProfile profile) {
                recorded.profiles.add(profile);
            }
        });
        return recorded;
    }
}
