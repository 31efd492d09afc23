package org.privatedomain.cdp.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.brand.NewBrand;
import org.privatedomain.cdp.core.event.ConsentChannel;
import org.privatedomain.cdp.core.event.ConsentPurpose;
import org.privatedomain.cdp.core.event.EventService;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.member.MemberProfile;
import org.privatedomain.cdp.core.member.MemberService;
import org.privatedomain.cdp.core.order.NewOrder;
import org.privatedomain.cdp.core.order.OrderService;
import org.privatedomain.cdp.core.order.OrderStatus;
import org.springframework.stereotype.Component;

/** A campaign test's brand and persons, written through the core services. Persons are named by member number. */
@Component
public class CampaignFacts {

    private static final AtomicLong IDS = new AtomicLong();

    private final BrandService brands;
    private final MemberService members;
    private final EventService events;
    private final OrderService orders;

    CampaignFacts(BrandService brands, MemberService members, EventService events, OrderService orders) {
        this.brands = brands;
        this.members = members;
        this.events = events;
        this.orders = orders;
    }

    /** A new brand (Asia/Shanghai, months); answers its code. */
    public String brand() {
        String code = "c" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);
        brands.create(new NewBrand(code, "Brand " + code, null, null));
        return code;
    }

    /** A person with a name and city who joined membership at {@code joined} (so consents by relationship). */
    public long member(String brand, String person, String city, LocalDate birthday, Instant joined) {
        long id = members.upsert(brand, new MemberProfile(List.of(id(person)), "Name " + person, null, birthday,
                city, null, null, null)).id();
        join(brand, person, joined);
        return id;
    }

    public void join(String brand, String person, Instant at) {
        events.record(brand, new NewEvent(next("e"), "JOIN_MEMBERSHIP", at.atOffset(ZoneOffset.UTC),
                List.of(id(person)), null, null, null, null, null, null, null, null));
    }

    public void consent(String brand, String person, ConsentChannel channel, boolean granted, Instant at) {
        events.record(brand, new NewEvent(next("e"), "CONSENT", at.atOffset(ZoneOffset.UTC), List.of(id(person)),
                null, null, null, null, ConsentPurpose.MARKETING, channel, granted, null));
    }

    public void buy(String brand, String person, Instant at, String amount) {
        orders.record(brand, new NewOrder(next("o"), List.of(id(person)), at.atOffset(ZoneOffset.UTC),
                new BigDecimal(amount), OrderStatus.PAID, null, null, null, null));
    }

    /** One person from now on: the older of the two survives the merge. */
    public void link(String brand, String person, String other) {
        members.upsert(brand, new MemberProfile(List.of(id(person), id(other)), null, null, null, null, null, null,
                null));
    }

    public void erase(String brand, long member) {
        members.erase(brand, member);
    }

    public void tag(String brand, long member, String tag) {
        members.tag(brand, member, tag);
    }

    private static Identity id(String person) {
        return new Identity(IdentityType.MEMBER_NO, person);
    }

    private static String next(String prefix) {
        return prefix + IDS.incrementAndGet();
    }
}
