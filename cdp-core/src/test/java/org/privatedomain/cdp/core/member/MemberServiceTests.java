package org.privatedomain.cdp.core.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.KeyLookupPlans;
import org.privatedomain.cdp.core.TestBrands;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@Import(TestDatabase.class)
class MemberServiceTests {

    private static final String PHONE = "13812345678";

    @Autowired
    MemberService members;

    @Autowired
    BrandService brands;

    @Autowired
    JdbcClient jdbc;

    String brand;

    @BeforeEach
    void newBrand() {
        brand = TestBrands.create(brands);
    }

    @Test
    void anIdentityIsFoundByItsKeyUnderStatisticsTakenWhileItsBrandHadNone() {
        String busy = TestBrands.create(brands);
        members.upsert(busy, new MemberProfile(List.of(id(IdentityType.MEMBER_NO, "seed")), null, null, null, null,
                null, null, null));
        KeyLookupPlans.fillAndAnalyse(jdbc, "identity", busy, "lookup_key", "seed", "created_at");

        String plan = KeyLookupPlans.plan(jdbc, IdentityResolver.HOLDERS, Map.of("brand",
                KeyLookupPlans.brandId(jdbc, brand), "types", new String[] {"MEMBER_NO"}, "keys", new String[] {"k"}));

        assertThat(plan).contains("identity_pkey").doesNotContain("identity_member_idx");
    }

    @Test
    void unknownIdentitiesAttachToThePersonTheRecordNames() {
        MemberView first = upsert(id(IdentityType.PHONE, PHONE));

        MemberView again = upsert(id(IdentityType.PHONE, "+86 138-1234-5678"), id(IdentityType.WECHAT_UNIONID, "u1"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.identities()).extracting(IdentityView::type, IdentityView::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(IdentityType.PHONE, PHONE),
                org.assertj.core.groups.Tuple.tuple(IdentityType.WECHAT_UNIONID, "u1"));
        assertThat(merges()).isZero();
    }

    @Test
    void aRecordLinkingTwoPersonsMergesThemIntoTheOldest() {
        MemberView older = upsert(new MemberProfile(List.of(id(IdentityType.PHONE, PHONE)), "张伟", null, null,
                null, "上海", null, Map.of("level", "gold")));
        members.tag(brand, older.id(), "vip");
        MemberView younger = upsert(new MemberProfile(List.of(id(IdentityType.TMALL_OUID, "t1")), "Wei Zhang",
                Gender.MALE, LocalDate.of(1990, 5, 1), "杭州", "浙江", null, Map.of("level", "silver", "pet", "cat")));
        members.tag(brand, younger.id(), "tmall");

        MemberView merged = upsert(id(IdentityType.TMALL_OUID, "t1"), id(IdentityType.PHONE, PHONE));

        assertThat(merged.id()).isEqualTo(older.id());
        assertThat(merged.identities()).extracting(IdentityView::type)
                .containsExactlyInAnyOrder(IdentityType.PHONE, IdentityType.TMALL_OUID);
        assertThat(merged.name()).isEqualTo("张伟");
        assertThat(merged.city()).isEqualTo("杭州");
        assertThat(merged.province()).isEqualTo("上海");
        assertThat(merged.gender()).isEqualTo(Gender.MALE);
        assertThat(merged.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("level", "gold", "pet", "cat"));
        assertThat(merged.tags()).containsExactly("tmall", "vip");
        assertThatThrownBy(() -> members.get(brand, younger.id(), Disclosure.FULL))
                .isInstanceOfSatisfying(MemberMergedException.class, e -> {
                    assertThat(e.from()).isEqualTo(Long.toString(younger.id()));
                    assertThat(e.to()).isEqualTo(Long.toString(older.id()));
                });
        assertThat(jdbc.sql("select merged_member_id, survivor_id, cause from core.member_merge m "
                        + "join core.brand b on b.id = m.brand_id where b.code = ?")
                .param(brand).query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getString(3))).single())
                .containsExactly(younger.id(), older.id(), "profile");
    }

    @Test
    void threePersonsMergeIntoOneAndEveryRetiredIdPointsStraightAtTheSurvivor() {
        long a = upsert(id(IdentityType.MEMBER_NO, "m1")).id();
        long b = upsert(id(IdentityType.WECHAT_UNIONID, "u1")).id();
        long c = upsert(id(IdentityType.TMALL_OUID, "t1")).id();
        upsert(id(IdentityType.WECHAT_UNIONID, "u1"), id(IdentityType.TMALL_OUID, "t1"));

        MemberView all = upsert(id(IdentityType.MEMBER_NO, "m1"), id(IdentityType.TMALL_OUID, "t1"));

        assertThat(all.id()).isEqualTo(a);
        assertThat(all.identities()).hasSize(3);
        for (long retired : new long[] {b, c}) {
            assertThatThrownBy(() -> members.get(brand, retired, Disclosure.FULL))
                    .isInstanceOfSatisfying(MemberMergedException.class, e -> assertThat(e.to()).isEqualTo("" + a));
        }
        assertThat(merges()).isEqualTo(2);
        assertThat(liveMembers()).isEqualTo(1);
    }

    @Test
    void aWeakIdentityNeverMergesTwoKnownPersons() {
        long known = upsert(id(IdentityType.PHONE, PHONE), id(IdentityType.ANONYMOUS, "device-1")).id();

        long other = upsert(id(IdentityType.PHONE, "13900000000"), id(IdentityType.ANONYMOUS, "device-1")).id();

        assertThat(other).isNotEqualTo(known);
        assertThat(members.get(brand, known, Disclosure.FULL).identities()).extracting(IdentityView::value)
                .contains("device-1");
        assertThat(members.get(brand, other, Disclosure.FULL).identities()).extracting(IdentityView::value)
                .containsExactly("13900000000");
        assertThat(merges()).isZero();
    }

    @Test
    void anAnonymousVisitorWhoLogsInJoinsTheKnownPerson() {
        long known = upsert(id(IdentityType.PHONE, PHONE)).id();
        long visitor = upsert(id(IdentityType.ANONYMOUS, "cookie-9")).id();

        long resolved = upsert(id(IdentityType.PHONE, PHONE), id(IdentityType.ANONYMOUS, "cookie-9")).id();

        assertThat(resolved).isEqualTo(known);
        assertThatThrownBy(() -> members.get(brand, visitor, Disclosure.FULL))
                .isInstanceOf(MemberMergedException.class);
    }

    @Test
    void weakIdentityTypesAreABrandSetting() {
        var settings = brands.settings(brand);
        brands.changeSettings(brand, new org.privatedomain.cdp.core.brand.BrandSettings(settings.timezone(),
                settings.periodType(), settings.rfm(), settings.tiers(), settings.capitalRequiresConsent(),
                java.util.Set.of(IdentityType.ANONYMOUS, IdentityType.WECHAT_OPENID)));
        long first = upsert(id(IdentityType.PHONE, PHONE), id(IdentityType.WECHAT_OPENID, "shared-openid")).id();

        long second = upsert(id(IdentityType.MEMBER_NO, "m2"), id(IdentityType.WECHAT_OPENID, "shared-openid")).id();

        assertThat(second).isNotEqualTo(first);
        assertThat(merges()).isZero();
    }

    @Test
    void parallelRecordsLinkingAChainOfIdentitiesEndAsOnePerson() throws Exception {
        int links = 12;
        for (int round = 0; round < 3; round++) {
            String prefix = "r" + round + "-";
            List<Identity> chain = new ArrayList<>();
            for (int i = 0; i <= links; i++) {
                chain.add(id(IdentityType.MEMBER_NO, prefix + i));
            }
            for (int i = 0; i <= links; i += 3) {
                upsert(chain.get(i)); // some identities already held by their own persons
            }
            runTogether(links, i -> upsert(chain.get(i), chain.get(i + 1)));

            long survivor = members.findByIdentity(brand, chain.getFirst(), Disclosure.FULL).id();
            for (Identity identity : chain) {
                assertThat(members.findByIdentity(brand, identity, Disclosure.FULL).id()).isEqualTo(survivor);
            }
            assertThat(members.get(brand, survivor, Disclosure.FULL).identities()).hasSize(links + 1);
        }
        assertThat(liveMembers()).isEqualTo(3);
    }

    @Test
    void parallelRecordsWithTheSameNewIdentityCreateOnePerson() throws Exception {
        runTogether(8, i -> upsert(id(IdentityType.PHONE, PHONE), id(IdentityType.ANONYMOUS, "device-" + i)));

        assertThat(liveMembers()).isEqualTo(1);
        assertThat(members.findByIdentity(brand, id(IdentityType.PHONE, PHONE), Disclosure.FULL).identities())
                .hasSize(9);
    }

    @Test
    void thePhoneNumberIsNeverStoredInPlaintext() {
        upsert(new MemberProfile(List.of(id(IdentityType.PHONE, PHONE), id(IdentityType.EMAIL, "Wei@Example.com")),
                "张伟", null, null, null, null, null, Map.of("note", "VIP")));

        for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = 'core'")
                .query(String.class).list()) {
            String rows = jdbc.sql("select coalesce(string_agg(t::text, ' '), '') from core." + table + " t")
                    .query(String.class).single();
            assertThat(rows).as(table).doesNotContain(PHONE).doesNotContain("12345678")
                    .doesNotContainIgnoringCase("wei@example.com");
        }
        assertThat(members.findByIdentity(brand, id(IdentityType.PHONE, PHONE), Disclosure.FULL).identities())
                .extracting(IdentityView::value).containsExactlyInAnyOrder(PHONE, "wei@example.com");
    }

    @Test
    void analystsSeePersonalDataMasked() {
        upsert(id(IdentityType.PHONE, PHONE), id(IdentityType.EMAIL, "wei@example.com"),
                id(IdentityType.WECHAT_UNIONID, "u1"));

        MemberView masked = members.findByIdentity(brand, id(IdentityType.WECHAT_UNIONID, "u1"), Disclosure.MASKED);

        assertThat(masked.identities()).extracting(IdentityView::value)
                .containsExactlyInAnyOrder("138****5678", "w***@example.com", "u1");
    }

    @Test
    void anIdentityThatCannotBeOfItsTypeIsRefused() {
        assertThatThrownBy(() -> upsert(id(IdentityType.PHONE, "call me")))
                .isInstanceOf(InvalidIdentityException.class).hasMessageNotContaining("call me");
        assertThatThrownBy(() -> upsert(id(IdentityType.EMAIL, "not-an-address")))
                .isInstanceOf(InvalidIdentityException.class);
        assertThat(liveMembers()).isZero();
    }

    @Test
    void tagsListMembersAPageAtATime() {
        List<Long> tagged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long member = upsert(id(IdentityType.MEMBER_NO, "n" + i)).id();
            members.tag(brand, member, "双11");
            members.tag(brand, member, "双11");
            tagged.add(member);
        }
        members.untag(brand, tagged.get(2), "双11");

        MemberPage first = members.withTag(brand, "双11", 0, 3, Disclosure.FULL);
        MemberPage second = members.withTag(brand, "双11", first.nextAfter(), 3, Disclosure.FULL);

        assertThat(first.items()).extracting(MemberView::id)
                .containsExactly(tagged.get(0), tagged.get(1), tagged.get(3));
        assertThat(second.items()).extracting(MemberView::id).containsExactly(tagged.get(4));
        assertThat(second.nextAfter()).isNull();
    }

    @Test
    void erasureLeavesNoTraceOfThePersonButKeepsTheBareId() {
        long survivor = upsert(new MemberProfile(List.of(id(IdentityType.PHONE, PHONE)), "张伟", Gender.MALE,
                LocalDate.of(1990, 5, 1), "杭州", "浙江", null, Map.of("wechatNick", "阿伟"))).id();
        upsert(id(IdentityType.WECHAT_UNIONID, "oU-secret"));
        upsert(id(IdentityType.PHONE, PHONE), id(IdentityType.WECHAT_UNIONID, "oU-secret"));
        members.tag(brand, survivor, "vip");
        String lookupKey = jdbc.sql("select lookup_key from core.identity i join core.brand b on b.id = i.brand_id "
                + "where b.code = ? and i.type = 'PHONE'").param(brand).query(String.class).single();

        members.erase(brand, survivor);

        for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = 'core'")
                .query(String.class).list()) {
            String rows = jdbc.sql("select coalesce(string_agg(t::text, ' '), '') from core." + table + " t")
                    .query(String.class).single();
            assertThat(rows).as(table).doesNotContain(lookupKey).doesNotContain("oU-secret").doesNotContain("张伟")
                    .doesNotContain("阿伟").doesNotContain("杭州").doesNotContain("1990-05-01");
        }
        assertThatThrownBy(() -> members.get(brand, survivor, Disclosure.FULL))
                .isInstanceOf(MemberErasedException.class);
        assertThatThrownBy(() -> members.erase(brand, survivor)).isInstanceOf(MemberErasedException.class);
        assertThatThrownBy(() -> members.findByIdentity(brand, id(IdentityType.PHONE, PHONE), Disclosure.FULL))
                .isInstanceOf(MemberNotFoundException.class);
        assertThat(jdbc.sql("select count(*) from core.member m join core.brand b on b.id = m.brand_id "
                + "where b.code = ? and m.id = ? and m.erased_at is not null").param(brand).param(survivor)
                .query(Long.class).single()).isOne();

        long returning = upsert(id(IdentityType.PHONE, PHONE)).id();
        assertThat(returning).isNotEqualTo(survivor);
    }

    @Test
    void anExportHoldsTheProfileAndEveryMergeBehindIt() {
        long a = upsert(new MemberProfile(List.of(id(IdentityType.PHONE, PHONE)), "张伟", null, null, null, null,
                null, null)).id();
        long b = upsert(id(IdentityType.WECHAT_UNIONID, "u1")).id();
        long c = upsert(id(IdentityType.TMALL_OUID, "t1")).id();
        upsert(id(IdentityType.WECHAT_UNIONID, "u1"), id(IdentityType.TMALL_OUID, "t1"));
        upsert(id(IdentityType.PHONE, PHONE), id(IdentityType.TMALL_OUID, "t1"));

        MemberExport export = members.export(brand, a);

        assertThat(export.member().name()).isEqualTo("张伟");
        assertThat(export.member().identities()).extracting(IdentityView::value)
                .containsExactlyInAnyOrder(PHONE, "u1", "t1");
        assertThat(export.merges()).extracting(MergeView::mergedMemberId, MergeView::survivorId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(c, b), org.assertj.core.groups.Tuple.tuple(b, a));
    }

    private MemberView upsert(Identity... identities) {
        return upsert(new MemberProfile(Arrays.asList(identities), null, null, null, null, null, null, null));
    }

    private MemberView upsert(MemberProfile profile) {
        return members.upsert(brand, profile);
    }

    private static Identity id(IdentityType type, String value) {
        return new Identity(type, value);
    }

    private long merges() {
        return jdbc.sql("select count(*) from core.member_merge m join core.brand b on b.id = m.brand_id "
                + "where b.code = ?").param(brand).query(Long.class).single();
    }

    private long liveMembers() {
        return jdbc.sql("select count(*) from core.member m join core.brand b on b.id = m.brand_id "
                + "where b.code = ? and m.merged_into is null").param(brand).query(Long.class).single();
    }

    private static void runTogether(int tasks, java.util.function.IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    start.await();
                    task.accept(index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
