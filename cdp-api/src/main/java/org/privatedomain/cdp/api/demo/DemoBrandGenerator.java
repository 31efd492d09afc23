package org.privatedomain.cdp.api.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.privatedomain.cdp.api.demo.DemoPerson.Origin;
import org.privatedomain.cdp.core.event.ConsentChannel;
import org.privatedomain.cdp.core.event.ConsentPurpose;
import org.privatedomain.cdp.core.event.Field;
import org.privatedomain.cdp.core.event.NewEvent;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.member.Gender;
import org.privatedomain.cdp.core.member.MemberProfile;
import org.privatedomain.cdp.core.order.NewOrder;
import org.privatedomain.cdp.core.order.OrderItem;
import org.privatedomain.cdp.core.order.OrderStatus;
import org.privatedomain.cdp.core.order.Referral;

/**
 * A reproducible synthetic brand: the same seed, size and end date always give the same records. Persons are
 * generated one at a time (memory does not grow with the size) and each one's records go out in time order:
 * <ul>
 * <li>identities across Tmall, WeChat (unionid and openid), WeCom and phone; one person in twelve with both a
 * Tmall and a WeChat id is first seen as two persons, one per side, that its member profile (sent after the
 * events) joins into one: a merge;
 * anonymous visitors, some of whom later identify themselves;</li>
 * <li>relationships per field that open and close over the 24 months, membership joins and leaves;</li>
 * <li>orders with heavy-tailed repurchase and the 618 and Double 11 peaks, amounts in CNY from a catalogue,
 * full and partial refunds arriving later (the order is sent again with its new status);</li>
 * <li>shares by one person in {@value DemoPerson#SHARER_EVERY}, and orders referred through a share or by
 * naming the sharer; reviews; visits per field; consent revocations; profiles with Chinese cities.</li>
 * </ul>
 */
final class DemoBrandGenerator {

    /** Receives the records in the order they must be loaded within each kind. */
    interface Sink {
        void event(NewEvent event);

        void order(NewOrder order);

        void profile(MemberProfile profile);
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    private static final Duration HISTORY = Duration.ofDays(730);
    /** The expected share of persons who buy at all, over the mix of origins (see {@link #buyProbability}). */
    private static final double BUYER_SHARE = 0.62;

    private final long seed;
    private final int persons;
    private final double ordersPerBuyer;
    private final Instant from;
    private final Instant until;

    /**
     * A brand of {@code persons} persons (anonymous visitors included) placing about {@code orders} orders in the
     * 24 months before {@code until}.
     */
    DemoBrandGenerator(long seed, int persons, long orders, Instant until) {
        if (persons < DemoPerson.SHARER_EVERY || orders < persons) {
            throw new IllegalArgumentException("a demo brand needs at least " + DemoPerson.SHARER_EVERY
                    + " persons and at least as many orders as persons");
        }
        this.seed = seed;
        this.persons = persons;
        this.ordersPerBuyer = orders / (persons * BUYER_SHARE);
        this.until = until;
        this.from = until.minus(HISTORY);
    }

    void generate(Sink sink) {
        for (int index = 0; index < persons; index++) {
            new History(person(index), sink).write();
        }
    }

    private DemoPerson person(int index) {
        return DemoPerson.of(seed, index, from, until);
    }

    /** One person's records, built in memory (a few hundred at most) and sent out in time order. */
    private final class History {

        private final DemoPerson person;
        private final Sink sink;
        private final SplittableRandom random;
        private final List<NewEvent> events = new ArrayList<>();
        private final List<NewOrder> orders = new ArrayList<>();
        /** Whether the Tmall and WeChat sides stay apart until the membership joins them. */
        private final boolean split;
        private Instant joinedAt;
        private int sequence;

        History(DemoPerson person, Sink sink) {
            this.person = person;
            this.sink = sink;
            this.random = DemoPerson.random(seed, person.index(), 1);
            this.split = person.tmallOuid() != null && person.unionId() != null && person.index() % 12 == 5;
        }

        void write() {
            if (person.anonymous()) {
                anonymousVisits(ANONYMOUS_FIELDS[random.nextInt(ANONYMOUS_FIELDS.length)], person.arrivedAt());
            } else {
                sides();
                membership();
                relationships();
                purchases();
                shares();
                consent();
            }
            events.sort(Comparator.comparing(NewEvent::occurredAt));
            events.forEach(sink::event);
            orders.forEach(sink::order);
        }

        /**
         * A person whose Tmall and WeChat sides stay apart shows up on both right away, unlinked: two persons until
         * its membership names both ids and merges them.
         */
        private void sides() {
            if (split) {
                Instant arrived = person.arrivedAt();
                events.add(event("VISIT", arrived, idsFor(Field.STORE), Field.STORE));
                events.add(event("VISIT", arrived.plusSeconds(3_600), idsFor(Field.MINI_PROGRAM), Field.MINI_PROGRAM));
            }
        }

        private void membership() {
            double joinChance = person.origin() == Origin.STORE ? 0.6 : 0.42;
            if (random.nextDouble() >= joinChance) {
                return;
            }
            Instant joined = person.arrivedAt().plus(days(1 + random.nextExponential() * 60));
            if (!joined.isBefore(until)) {
                return;
            }
            joinedAt = joined;
            List<Identity> all = new ArrayList<>(List.of(id(IdentityType.MEMBER_NO, person.joinedMemberNo())));
            addIfPresent(all, IdentityType.PHONE, person.phone());
            addIfPresent(all, IdentityType.TMALL_OUID, person.tmallOuid());
            addIfPresent(all, IdentityType.WECHAT_UNIONID, person.unionId());
            List<Identity> memberNo = List.of(id(IdentityType.MEMBER_NO, person.joinedMemberNo()));
            // A split person joins on Tmall; the CRM profile later binds its WeChat side too, merging the two.
            events.add(event("JOIN_MEMBERSHIP", joined,
                    split ? List.of(memberNo.getFirst(), id(IdentityType.TMALL_OUID, person.tmallOuid())) : all, null));
            if (random.nextDouble() < 0.12) {
                events.add(event("LEAVE_MEMBERSHIP", between(joined, until), List.of(id(IdentityType.MEMBER_NO, person.joinedMemberNo())),
                        null));
            }
            City city = CITIES[(int) Math.min(CITIES.length - 1, random.nextExponential() * 6)];
            boolean female = random.nextDouble() < 0.68;
            sink.profile(new MemberProfile(split ? all : memberNo,
                    SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)],
                    female ? Gender.FEMALE : Gender.MALE,
                    LocalDate.of(1965 + random.nextInt(42), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    city.name(), city.province(), joined.atOffset(OFFSET), Map.of("origin", person.origin().name())));
        }

        private void relationships() {
            List<Field> fields = fieldsOf();
            Instant connect = person.arrivedAt();
            boolean first = true;
            for (Field field : fields) {
                List<Identity> ids = first && !split ? allIds(field) : idsFor(field);
                if (first && person.unionId() != null && random.nextDouble() < 0.2 && isWechat(field)) {
                    // Browsed anonymously first; the first identified visit ties the device to the person.
                    String device = anonymousVisits(field, connect);
                    ids = new ArrayList<>(ids);
                    ids.add(id(IdentityType.ANONYMOUS, device));
                }
                first = false;
                while (connect.isBefore(until)) {
                    events.add(event("CONNECT", connect, ids, field));
                    Instant disconnect = random.nextDouble() < 0.35 ? between(connect, until) : null;
                    visits(field, connect, disconnect == null ? until : disconnect);
                    if (disconnect == null) {
                        break;
                    }
                    events.add(event("DISCONNECT", disconnect, idsFor(field), field));
                    connect = random.nextDouble() < 0.25 ? between(disconnect, until) : until;
                    ids = idsFor(field);
                }
                connect = between(person.arrivedAt(), until);
            }
            if (random.nextDouble() < 0.3 && person.tmallOuid() != null) {
                // A visit to a field the person does not follow: a visitor, not a relationship.
                events.add(event("VISIT", between(person.arrivedAt(), until), idsFor(Field.LIVE), Field.LIVE));
            }
        }

        private List<Field> fieldsOf() {
            List<Field> fields = new ArrayList<>();
            switch (person.origin()) {
                case TMALL -> {
                    fields.add(Field.STORE);
                    maybe(fields, Field.LIVE, 0.3);
                }
                case WECHAT -> {
                    fields.add(Field.MINI_PROGRAM);
                    maybe(fields, Field.GROUP_CHAT, 0.4);
                    maybe(fields, Field.SUBSCRIPTION, 0.5);
                }
                case WECOM -> {
                    fields.add(Field.EXCLUSIVE_CS);
                    maybe(fields, Field.GROUP_CHAT, 0.5);
                    maybe(fields, Field.MINI_PROGRAM, 0.4);
                }
                case LIVE -> {
                    fields.add(Field.LIVE);
                    maybe(fields, Field.STORE, 0.4);
                }
                case STORE -> maybe(fields, Field.MINI_PROGRAM, 0.3);
                case ANONYMOUS_VISITOR -> { }
            }
            if (person.origin() != Origin.WECHAT && person.origin() != Origin.WECOM) {
                maybe(fields, Field.SUBSCRIPTION, 0.15);
            }
            fields.removeIf(field -> idsFor(field).isEmpty());
            return fields;
        }

        private void maybe(List<Field> fields, Field field, double chance) {
            if (random.nextDouble() < chance) {
                fields.add(field);
            }
        }

        private void visits(Field field, Instant start, Instant end) {
            double months = Duration.between(start, end).toDays() / 30.0;
            int count = (int) Math.min(8, months * random.nextDouble() * 1.5);
            for (int i = 0; i < count; i++) {
                events.add(event("VISIT", between(start, end), idsFor(field), field));
            }
        }

        /** One to four visits by a device nobody knows yet, in the 30 days before {@code before}; answers its id. */
        private String anonymousVisits(Field field, Instant before) {
            String device = "dev-" + Mix.base62(Mix.bijective(seed ^ 0xDE71CEL, person.index()), 16);
            int count = 1 + random.nextInt(4);
            Instant start = before.minus(days(30)).isBefore(from) ? from : before.minus(days(30));
            for (int i = 0; i < count && start.isBefore(before); i++) {
                events.add(event("VISIT", between(start, before), List.of(id(IdentityType.ANONYMOUS, device)), field));
            }
            return device;
        }

        private void purchases() {
            if (random.nextDouble() >= buyProbability(person.origin(), joinedAt != null)) {
                return;
            }
            double tail = 0.545 / Math.pow(1 - random.nextDouble(), 1 / 2.2);
            int count = (int) Math.min(50 * ordersPerBuyer, 1 + Math.floor(Math.max(0, ordersPerBuyer - 1) * tail));
            List<Instant> times = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                times.add(seasonalTime(person.arrivedAt()));
            }
            times.sort(Comparator.naturalOrder());
            for (Instant paidAt : times) {
                order(paidAt);
            }
        }

        private void order(Instant paidAt) {
            String channel = channelOf();
            List<OrderItem> items = new ArrayList<>();
            BigDecimal amount = BigDecimal.ZERO;
            int lines = 1 + (int) Math.min(4, random.nextExponential() * 0.7);
            for (int i = 0; i < lines; i++) {
                Product product = CATALOGUE[(int) Math.min(CATALOGUE.length - 1, random.nextExponential() * 8)];
                int quantity = 1 + (int) Math.min(5, random.nextExponential() * 0.5);
                items.add(new OrderItem(product.sku(), quantity, product.price()));
                amount = amount.add(product.price().multiply(BigDecimal.valueOf(quantity)));
            }
            String orderId = switch (channel) {
                case "TMALL" -> "TM";
                case "MINI_PROGRAM" -> "MP";
                case "LIVE" -> "LV";
                default -> "POS";
            } + person.index() + "-" + (++sequence);
            List<Identity> buyer = orderIds(channel);
            Referral referral = random.nextDouble() < 0.05 ? referral(paidAt) : null;
            OffsetDateTime paid = paidAt.atOffset(OFFSET);
            orders.add(new NewOrder(orderId, buyer, paid, amount, OrderStatus.PAID, null, channel, referral, items));
            double refund = random.nextDouble();
            Instant refundedAt = paidAt.plus(days(1 + random.nextInt(14)));
            if (refund < 0.09 && refundedAt.isBefore(until)) {
                boolean full = refund < 0.05 || items.size() == 1 && items.getFirst().quantity() == 1;
                BigDecimal refunded = full ? amount : items.getFirst().price();
                orders.add(new NewOrder(orderId, buyer, paid, amount,
                        full ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED, refunded, channel, referral,
                        items));
            } else if (random.nextDouble() < 0.12) {
                Instant reviewedAt = paidAt.plus(days(3 + random.nextInt(8)));
                if (reviewedAt.isBefore(until)) {
                    int rating = new int[] {5, 5, 5, 5, 5, 5, 4, 4, 4, 3, 2, 1}[random.nextInt(12)];
                    events.add(new NewEvent(nextEventId(), "REVIEW", reviewedAt.atOffset(OFFSET), buyer, null, null,
                            orderId, rating, null, null, null, null));
                }
            }
        }

        private String channelOf() {
            return switch (person.origin()) {
                case TMALL -> random.nextDouble() < 0.85 ? "TMALL" : "STORE";
                case WECHAT, WECOM -> random.nextDouble() < 0.8 ? "MINI_PROGRAM" : "STORE";
                case LIVE -> random.nextDouble() < 0.6 ? "LIVE" : "TMALL";
                case STORE, ANONYMOUS_VISITOR -> random.nextDouble() < 0.9 ? "STORE" : "MINI_PROGRAM";
            };
        }

        /** The buyer's ids as the channel knows them; a member buying in a store gives the member number. */
        private List<Identity> orderIds(String channel) {
            List<Identity> ids = new ArrayList<>();
            switch (channel) {
                case "TMALL", "LIVE" -> addIfPresent(ids, IdentityType.TMALL_OUID, person.tmallOuid());
                case "MINI_PROGRAM" -> {
                    addIfPresent(ids, IdentityType.WECHAT_UNIONID, person.unionId());
                    addIfPresent(ids, IdentityType.WECHAT_OPENID, person.openId());
                }
                default -> {
                    addIfPresent(ids, IdentityType.PHONE, person.phone());
                    if (joinedAt != null) {
                        ids.add(id(IdentityType.MEMBER_NO, person.joinedMemberNo()));
                    }
                }
            }
            return ids.isEmpty() ? primaryIds(person) : ids;
        }

        /** A referral to a sharer other than the buyer: through one of its shares if made already, else by name. */
        private Referral referral(Instant paidAt) {
            int sharers = (persons - 4) / DemoPerson.SHARER_EVERY + 1;
            int index = random.nextInt(sharers) * DemoPerson.SHARER_EVERY + 3;
            DemoPerson sharer = person(index);
            if (index == person.index() || !sharer.sharer()) {
                return null;
            }
            int share = random.nextInt(3);
            return shareTime(sharer, share).isBefore(paidAt) ? new Referral(shareId(sharer, share), null)
                    : new Referral(null, primaryIds(sharer).getFirst());
        }

        private void shares() {
            if (!person.sharer()) {
                return;
            }
            int count = 3 + random.nextInt(6);
            for (int share = 0; share < count; share++) {
                events.add(new NewEvent(nextEventId(), "SHARE", shareTime(person, share).atOffset(OFFSET),
                        primaryIds(person), share % 2 == 0 ? Field.GROUP_CHAT : Field.MINI_PROGRAM,
                        shareId(person, share), null, null, null, null, null, null));
            }
        }

        private void consent() {
            double roll = random.nextDouble();
            if (roll >= 0.08) {
                return;
            }
            ConsentChannel channel = roll < 0.02 ? ConsentChannel.ALL : ConsentChannel.SMS;
            Instant revoked = between(person.arrivedAt(), until);
            List<Identity> ids = primaryIds(person);
            events.add(consentEvent(revoked, ids, channel, false));
            if (random.nextDouble() < 0.3) {
                events.add(consentEvent(between(revoked, until), ids, channel, true));
            }
        }

        private NewEvent consentEvent(Instant at, List<Identity> ids, ConsentChannel channel, boolean granted) {
            return new NewEvent(nextEventId(), "CONSENT", at.atOffset(OFFSET), ids, null, null, null, null,
                    ConsentPurpose.MARKETING, channel, granted, null);
        }

        private NewEvent event(String type, Instant at, List<Identity> ids, Field field) {
            return new NewEvent(nextEventId(), type, at.atOffset(OFFSET), ids, field, null, null, null, null, null,
                    null, null);
        }

        private String nextEventId() {
            return "ev" + person.index() + "-" + (++sequence);
        }

        /** The ids a field knows the person by. */
        private List<Identity> idsFor(Field field) {
            List<Identity> ids = new ArrayList<>();
            switch (field) {
                case STORE, LIVE -> addIfPresent(ids, IdentityType.TMALL_OUID, person.tmallOuid());
                case EXCLUSIVE_CS -> {
                    addIfPresent(ids, IdentityType.WECOM_EXTERNAL_USERID, person.wecomId());
                    addIfPresent(ids, IdentityType.WECHAT_UNIONID, person.unionId());
                }
                default -> {
                    addIfPresent(ids, IdentityType.WECHAT_UNIONID, person.unionId());
                    addIfPresent(ids, IdentityType.WECHAT_OPENID, person.openId());
                }
            }
            return ids;
        }

        /** A first contact that names every id the person has: they are one person from the start. */
        private List<Identity> allIds(Field field) {
            List<Identity> ids = new ArrayList<>(idsFor(field));
            addIfPresent(ids, IdentityType.TMALL_OUID, person.tmallOuid());
            addIfPresent(ids, IdentityType.WECHAT_UNIONID, person.unionId());
            addIfPresent(ids, IdentityType.WECOM_EXTERNAL_USERID, person.wecomId());
            addIfPresent(ids, IdentityType.PHONE, person.phone());
            return ids.stream().distinct().toList();
        }

        /** A time after {@code after}, weighted by the shopping calendar (Double 11, 618, 12.12, Spring Festival). */
        private Instant seasonalTime(Instant after) {
            while (true) {
                Instant day = between(after, until);
                LocalDate date = day.atZone(ZONE).toLocalDate();
                if (random.nextDouble() * 8 < shoppingWeight(date)) {
                    int hour = EVENING_HOURS[random.nextInt(EVENING_HOURS.length)];
                    Instant at = date.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(ZONE).toInstant();
                    if (at.isAfter(after) && at.isBefore(until)) {
                        return at;
                    }
                }
            }
        }

        private Instant between(Instant start, Instant end) {
            long span = Math.max(1, end.getEpochSecond() - start.getEpochSecond());
            return start.plusSeconds(1 + (long) (random.nextDouble() * (span - 1)));
        }
    }

    /** When a sharer's {@code share}-th share happened: a function of the person alone, so referrals can name it. */
    private Instant shareTime(DemoPerson sharer, int share) {
        double fraction = (Mix.bijective(seed ^ share, sharer.index()) >>> 11) * 0x1.0p-53;
        long span = until.getEpochSecond() - sharer.arrivedAt().getEpochSecond();
        return sharer.arrivedAt().plusSeconds(1 + (long) (fraction * Math.max(1, span - 1)));
    }

    private static String shareId(DemoPerson sharer, int share) {
        return "sh" + sharer.index() + "-" + share;
    }

    static double shoppingWeight(LocalDate date) {
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        if (month == 11 && day == 11) {
            return 8;
        }
        if (month == 6 && day == 18) {
            return 5;
        }
        if (month == 12 && day == 12) {
            return 3;
        }
        if (month == 11 && day < 11 || month == 10 && day >= 20) {
            return 2.5;
        }
        if (month == 6 && day < 18) {
            return 2;
        }
        return month == 2 && day <= 15 || month == 1 && day >= 20 ? 0.6 : 1;
    }

    private static double buyProbability(Origin origin, boolean member) {
        double base = switch (origin) {
            case TMALL -> 0.75;
            case WECHAT -> 0.55;
            case WECOM -> 0.7;
            case STORE -> 0.9;
            case LIVE -> 0.6;
            case ANONYMOUS_VISITOR -> 0;
        };
        return member ? Math.min(1, base + 0.1) : base;
    }

    private static List<Identity> primaryIds(DemoPerson person) {
        String[] values = {person.tmallOuid(), person.unionId(), person.phone(), person.wecomId()};
        IdentityType[] types = {IdentityType.TMALL_OUID, IdentityType.WECHAT_UNIONID, IdentityType.PHONE,
            IdentityType.WECOM_EXTERNAL_USERID};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                return List.of(id(types[i], values[i]));
            }
        }
        return List.of(id(IdentityType.MEMBER_NO, person.joinedMemberNo()));
    }

    private static boolean isWechat(Field field) {
        return field == Field.MINI_PROGRAM || field == Field.GROUP_CHAT || field == Field.SUBSCRIPTION;
    }

    private static void addIfPresent(List<Identity> ids, IdentityType type, String value) {
        if (value != null) {
            ids.add(id(type, value));
        }
    }

    private static Identity id(IdentityType type, String value) {
        return new Identity(type, value);
    }

    private static Duration days(double days) {
        return Duration.ofSeconds((long) (days * 86_400));
    }

    private static final Field[] ANONYMOUS_FIELDS = {Field.STORE, Field.MINI_PROGRAM, Field.LIVE};
    private static final int[] EVENING_HOURS = {9, 10, 12, 13, 15, 19, 20, 20, 21, 21, 21, 22, 22, 23};

    private record City(String name, String province) {
    }

    /** Ordered by how many of the brand's buyers live there: the first ones are drawn most. */
    private static final City[] CITIES = {
        new City("上海", "上海"), new City("北京", "北京"), new City("广州", "广东"), new City("深圳", "广东"),
        new City("杭州", "浙江"), new City("成都", "四川"), new City("南京", "江苏"), new City("武汉", "湖北"),
        new City("重庆", "重庆"), new City("苏州", "江苏"), new City("西安", "陕西"), new City("天津", "天津"),
        new City("长沙", "湖南"), new City("郑州", "河南"), new City("宁波", "浙江"), new City("青岛", "山东"),
        new City("东莞", "广东"), new City("佛山", "广东"), new City("合肥", "安徽"), new City("厦门", "福建"),
        new City("济南", "山东"), new City("昆明", "云南"), new City("沈阳", "辽宁"), new City("福州", "福建"),
        new City("无锡", "江苏"), new City("大连", "辽宁"), new City("南昌", "江西"), new City("贵阳", "贵州"),
        new City("南宁", "广西"), new City("哈尔滨", "黑龙江"), new City("石家庄", "河北"), new City("温州", "浙江"),
        new City("乌鲁木齐", "新疆"), new City("兰州", "甘肃"), new City("海口", "海南"), new City("呼和浩特", "内蒙古")};

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "林", "高", "罗"};
    private static final String[] GIVEN_NAMES = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军",
        "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "子涵", "雨桐", "欣怡", "梓轩", "浩然", "思琪"};

    private record Product(String sku, BigDecimal price) {
        Product(String sku, String price) {
            this(sku, new BigDecimal(price).setScale(2, RoundingMode.UNNECESSARY));
        }
    }

    /** A skincare and personal-care range, best sellers first. */
    private static final Product[] CATALOGUE = {
        new Product("SKU-CLEANSER-120", "89.00"), new Product("SKU-TONER-200", "139.00"),
        new Product("SKU-MASK-5P", "99.00"), new Product("SKU-SERUM-30", "329.00"),
        new Product("SKU-CREAM-50", "299.00"), new Product("SKU-SUNSCREEN-50", "159.00"),
        new Product("SKU-LIPBALM", "49.90"), new Product("SKU-HANDCREAM-3P", "79.00"),
        new Product("SKU-EYECREAM-15", "259.00"), new Product("SKU-ESSENCE-150", "399.00"),
        new Product("SKU-BODYLOTION-400", "119.00"), new Product("SKU-SHAMPOO-500", "69.90"),
        new Product("SKU-GIFTSET-11", "899.00"), new Product("SKU-TRAVEL-KIT", "59.00"),
        new Product("SKU-AMPOULE-7D", "499.00"), new Product("SKU-CUSHION-15", "239.00")};
}
