package org.privatedomain.cdp.segmentation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.brand.NewBrand;
import org.privatedomain.cdp.core.event.ConsentChannel;
import org.privatedomain.cdp.core.event.ConsentPurpose;
import org.privatedomain.cdp.core.event.EventService;
import org.privatedomain.cdp.core.event.Field;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.member.MemberProfile;
import org.privatedomain.cdp.core.member.MemberService;
import org.privatedomain.cdp.core.order.NewOrder;
import org.privatedomain.cdp.core.order.OrderService;
import org.privatedomain.cdp.core.order.OrderStatus;
import org.privatedomain.cdp.core.order.Referral;
import org.springframework.stereotype.Component;

/**
 * Writes a test brand's facts through the core services, as ingestion would, in a few words each. Persons are
 * named by a member number; times are local Shanghai times like {@code "2026-10-03T10:00"}.
 */
@Component
public class Facts {

    private static final AtomicLong IDS = new AtomicLong();

    private final BrandService brands;
    private final MemberService members;
    private final EventService events;
    private final OrderService orders;

    Facts(BrandService brands, MemberService members, EventService events, OrderService orders) {
        this.brands = brands;
        this.members = members;
        this.events = events;
        this.orders = orders;
    }

    /** A new brand with default settings (Asia/Shanghai, months); answers its code. */
    public String brand() {
        String code = "s" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);
        brands.create(new NewBrand(code, "Brand " + code, null, null));
        return code;
    }

    public long brandId(String brand) {
        return brands.context(brand).id();
    }

    public static Identity person(String name) {
        return new Identity(IdentityType.MEMBER_NO, name);
    }

    public static OffsetDateTime at(String localShanghai) {
        return OffsetDateTime.parse(localShanghai + "+08:00");
    }

    public long memberId(String brand, String person) {
        return members.findByIdentity(brand, person(person), org.privatedomain.cdp.core.member.Disclosure.FULL).id();
    }

    public void join(String brand, String person, String when) {
        event(brand, person, "JOIN_MEMBERSHIP", when, null, null);
    }

    public void leave(String brand, String person, String when) {
        event(brand, person, "LEAVE_MEMBERSHIP", when, null, null);
    }

    public void connect(String brand, String person, Field field, String when) {
        connect(brand, person(person), field, when);
    }

    public void connect(String brand, Identity who, Field field, String when) {
        events.record(brand, new NewEvent(next("e"), "CONNECT", at(when), List.of(who), field, null, null, null,
                null, null, null, null));
    }

    public void disconnect(String brand, String person, Field field, String when) {
        event(brand, person, "DISCONNECT", when, field, null);
    }

    public void share(String brand, String person, String shareId, String when) {
        event(brand, person, "SHARE", when, null, shareId);
    }

    public void review(String brand, String person, String orderId, int rating, String when) {
        events.record(brand, new NewEvent(next("e"), "REVIEW", at(when), List.of(person(person)), null, null,
                orderId, rating, null, null, null, null));
    }

    public void consent(String brand, String person, ConsentChannel channel, boolean granted, String when) {
        events.record(brand, new NewEvent(next("e"), "CONSENT", at(when), List.of(person(person)), null, null, null,
                null, ConsentPurpose.MARKETING, channel, granted, null));
    }

    public void visit(String brand, Identity visitor, Field field, String when) {
        events.record(brand, new NewEvent(next("e"), "VISIT", at(when), List.of(visitor), field, null, null, null,
                null, null, null, null));
    }

    /** A paid order; answers its id. */
    public String buy(String brand, String person, String when, String amount) {
        return order(brand, next("o"), person, when, amount, OrderStatus.PAID, null, null);
    }

    /** A paid order that came through a share or a named sharer. */
    public String buyReferred(String brand, String person, String when, String amount, String shareId,
            String sharer) {
        return order(brand, next("o"), person, when, amount, OrderStatus.PAID, null,
                new Referral(shareId, sharer == null ? null : person(sharer)));
    }

    /** Records (or, for a known id, updates) an order. */
    public String order(String brand, String orderId, String person, String when, String amount, OrderStatus status,
            String refunded, Referral referral) {
        orders.record(brand, new NewOrder(orderId, List.of(person(person)), at(when), new BigDecimal(amount), status,
                refunded == null ? null : new BigDecimal(refunded), null, referral, null));
        return orderId;
    }

    /** One person from now on: every identity named belongs together (a merge when two persons held them). */
    public void link(String brand, Identity... identities) {
        members.upsert(brand, new MemberProfile(List.of(identities), null, null, null, null, null, null, null));
    }

    public void erase(String brand, String person) {
        members.erase(brand, memberId(brand, person));
    }

    private void event(String brand, String person, String type, String when, Field field, String shareId) {
        events.record(brand, new NewEvent(next("e"), type, at(when), List.of(person(person)), field, shareId, null,
                null, null, null, null, null));
    }

    public static Identity anonymous(String device) {
        return new Identity(IdentityType.ANONYMOUS, device);
    }

    private static String next(String prefix) {
        return prefix + IDS.incrementAndGet();
    }
}
