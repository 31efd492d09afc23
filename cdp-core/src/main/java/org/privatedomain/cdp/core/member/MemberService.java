package org.privatedomain.cdp.core.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.privatedomain.cdp.core.WriteTransactions;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.identity.Identity;
import org.privatedomain.cdp.core.privacy.PiiCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/** Profiles, identities and tags of a brand's members. */
@Service
@Validated
public class MemberService {

    /** 1 to 64 characters: a letter (any script) or digit first, then letters, digits, spaces, {@code _ . : -}. */
    public static final String TAG_PATTERN = "[\\p{L}\\p{N}][\\p{L}\\p{N} _.:-]{0,63}";

    private final BrandService brands;
    private final IdentityResolver resolver;
    private final BatchResolver batchResolver;
    private final MemberReader reader;
    private final PiiCipher cipher;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final WriteTransactions writing;
    private final TransactionTemplate reading;

    MemberService(BrandService brands, IdentityResolver resolver, BatchResolver batchResolver, MemberReader reader,
            PiiCipher cipher, JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events,
            WriteTransactions writing, PlatformTransactionManager transactions) {
        this.brands = brands;
        this.resolver = resolver;
        this.batchResolver = batchResolver;
        this.reader = reader;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.writing = writing;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /**
     * Resolves the profile's identities to one member (creating or merging members as needed), then sets the
     * fields given. A deadlock between concurrent merges is retried; it cannot half-apply.
     */
    public MemberView upsert(String brandCode, @Valid @NotNull MemberProfile profile) {
        BrandContext brand = brands.context(brandCode);
        return writing.run(() -> {
            long member = resolve(brand, profile.identities(), "profile");
            updateProfile(brand.id(), member, profile);
            return reader.read(brand.id(), List.of(member), Disclosure.FULL).getFirst();
        });
    }

    /**
     * The member the identities belong to, within the caller's write transaction (see {@link WriteTransactions}):
     * unknown identities attach, linked members merge. {@code cause} names the record for the merge log.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long resolve(BrandContext brand, List<Identity> identities, String cause) {
        return resolver.resolve(brand.id(), stored(brand, identities), brand.settings().weakIdentityTypes(), cause);
    }

    /**
     * The member of each record (a list of identities), in order, as if each were {@link #resolve resolved} in
     * turn, but with a few set-based statements for the whole batch. {@code causes} name the records.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long[] resolveAll(BrandContext brand, List<List<Identity>> records, List<String> causes) {
        return batchResolver.resolve(brand.id(), records.stream().map(record -> stored(brand, record)).toList(),
                brand.settings().weakIdentityTypes(), causes);
    }

    /** Checks that every identity can be stored, throwing {@link InvalidIdentityException} for the first that cannot. */
    public static void requireValid(List<Identity> identities) {
        identities.forEach(MemberService::normalize);
    }

    private List<StoredIdentity> stored(BrandContext brand, List<Identity> identities) {
        return identities.stream().map(identity -> StoredIdentity.of(brand.id(), normalize(identity), cipher)).toList();
    }

    private static Identity normalize(Identity identity) {
        return identity.normalized().orElseThrow(() -> new InvalidIdentityException(identity));
    }

    /** The member, or {@link MemberMergedException} pointing at its survivor when the id was retired by a merge. */
    public MemberView get(String brandCode, long memberId, Disclosure disclosure) {
        long brandId = brands.idOf(brandCode);
        return reading.execute(status -> {
            requireLive(brandId, memberId);
            return reader.read(brandId, List.of(memberId), disclosure).getFirst();
        });
    }

    /** The view of a member already checked with {@link #requireLive}, within the caller's transaction. */
    public MemberView read(long brandId, long memberId, Disclosure disclosure) {
        return reader.read(brandId, List.of(memberId), disclosure).getFirst();
    }

    /** The member holding this identity. */
    public MemberView findByIdentity(String brandCode, @Valid @NotNull Identity identity, Disclosure disclosure) {
        long brandId = brands.idOf(brandCode);
        Identity normalized = identity.normalized().orElseThrow(() -> new InvalidIdentityException(identity));
        StoredIdentity stored = StoredIdentity.of(brandId, normalized, cipher);
        return reading.execute(status -> jdbc.sql("""
                        select member_id from core.identity
                         where brand_id = :brand and type = :type and lookup_key = :key
                        """)
                .param("brand", brandId).param("type", stored.type().name()).param("key", stored.lookupKey())
                .query(Long.class)
                .optional()
                .map(member -> reader.read(brandId, List.of(member), disclosure).getFirst())
                .orElseThrow(() -> new MemberNotFoundException("No member holds identity " + identity + ".")));
    }

    /** Members carrying the tag, by ascending id after {@code after}. */
    public MemberPage withTag(String brandCode, @NotNull @Pattern(regexp = TAG_PATTERN) String tag, long after,
            @Min(1) @Max(500) int limit, Disclosure disclosure) {
        long brandId = brands.idOf(brandCode);
        return reading.execute(status -> {
            List<Long> ids = jdbc.sql("""
                            select member_id from core.member_tag
                             where brand_id = :brand and tag = :tag and member_id > :after
                             order by member_id
                             limit :limit
                            """)
                    .param("brand", brandId).param("tag", tag).param("after", after).param("limit", limit + 1)
                    .query(Long.class)
                    .list();
            List<Long> page = ids.subList(0, Math.min(limit, ids.size()));
            return new MemberPage(reader.read(brandId, page, disclosure), ids.size() > limit ? page.getLast() : null);
        });
    }

    /** Adds a tag; adding it again changes nothing. */
    public void tag(String brandCode, long memberId, @NotNull @Pattern(regexp = TAG_PATTERN) String tag) {
        long brandId = brands.idOf(brandCode);
        writing.run(() -> {
            requireLive(brandId, memberId);
            return jdbc.sql("""
                            insert into core.member_tag (brand_id, member_id, tag, tagged_at)
                            values (:brand, :member, :tag, :now)
                            on conflict do nothing
                            """)
                    .param("brand", brandId).param("member", memberId).param("tag", tag)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        });
    }

    /** Removes a tag; removing a tag the member does not carry changes nothing. */
    public void untag(String brandCode, long memberId, @NotNull String tag) {
        long brandId = brands.idOf(brandCode);
        writing.run(() -> {
            requireLive(brandId, memberId);
            return jdbc.sql("delete from core.member_tag where brand_id = :brand and member_id = :member and tag = :tag")
                    .param("brand", brandId).param("member", memberId).param("tag", tag)
                    .update();
        });
    }

    /**
     * Erases the person under PIPL, for good: identities, profile, attributes and tags are deleted; the bare
     * member id stays so that its anonymous history keeps counting in the periods before the erasure.
     */
    public void erase(String brandCode, long memberId) {
        long brandId = brands.idOf(brandCode);
        writing.run(() -> {
            // Lock the member first: a concurrent write attaching an identity to it either commits before
            // (and its identity is erased here) or waits and then finds the member erased.
            jdbc.sql("select id from core.member where brand_id = :brand and id = :member for update")
                    .param("brand", brandId).param("member", memberId).query(Long.class).optional();
            requireLive(brandId, memberId);
            Instant now = clock.instant();
            Map<String, Object> params = Map.of("brand", brandId, "member", memberId, "now", Timestamp.from(now));
            jdbc.sql("delete from core.identity where brand_id = :brand and member_id = :member").params(params).update();
            jdbc.sql("delete from core.member_tag where brand_id = :brand and member_id = :member").params(params).update();
            jdbc.sql("""
                            update core.member
                               set name = null, gender = null, birthday = null, city = null, province = null,
                                   registered_at = null, attributes = '{}', erased_at = :now, updated_at = :now
                             where brand_id = :brand and id = :member
                            """)
                    .params(params).update();
            events.publishEvent(new MemberErased(brandId, memberId, now));
            return null;
        });
    }

    /** Everything held about the person, personal data in full, with the merges that made it. */
    public MemberExport export(String brandCode, long memberId) {
        long brandId = brands.idOf(brandCode);
        return reading.execute(status -> {
            requireLive(brandId, memberId);
            List<MergeView> merges = jdbc.sql("""
                            select merged_member_id, survivor_id, merged_at, cause from core.member_merge
                             where brand_id = :brand
                               and (survivor_id = :member or survivor_id in (
                                       select id from core.member where brand_id = :brand and merged_into = :member))
                             order by merged_at, id
                            """)
                    .param("brand", brandId).param("member", memberId)
                    .query((rs, row) -> new MergeView(rs.getLong(1), rs.getLong(2),
                            rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4)))
                    .list();
            return new MemberExport(clock.instant(),
                    reader.read(brandId, List.of(memberId), Disclosure.FULL).getFirst(), merges);
        });
    }

    /**
     * Checks that the member exists and is neither merged (then {@link MemberMergedException}) nor erased, and
     * returns its brand's id: for features that read the member's other data.
     */
    public long requireLive(String brandCode, long memberId) {
        long brandId = brands.idOf(brandCode);
        requireLive(brandId, memberId);
        return brandId;
    }

    private void requireLive(long brandId, long memberId) {
        record State(Long mergedInto, boolean erased) {
        }
        State state = jdbc.sql("select merged_into, erased_at is not null from core.member where brand_id = :brand and id = :id")
                .param("brand", brandId).param("id", memberId)
                .query((rs, row) -> new State((Long) rs.getObject(1), rs.getBoolean(2)))
                .optional()
                .orElseThrow(() -> new MemberNotFoundException("No member " + memberId + "."));
        if (state.mergedInto() != null) {
            throw new MemberMergedException(memberId, state.mergedInto());
        }
        if (state.erased()) {
            throw new MemberErasedException(memberId);
        }
    }

    private void updateProfile(long brandId, long member, MemberProfile profile) {
        jdbc.sql("""
                        update core.member
                           set name = coalesce(:name, name),
                               gender = coalesce(:gender, gender),
                               birthday = coalesce(:birthday, birthday),
                               city = coalesce(:city, city),
                               province = coalesce(:province, province),
                               registered_at = coalesce(:registeredAt, registered_at),
                               attributes = jsonb_strip_nulls(attributes || :attributes::jsonb),
                               updated_at = :now
                         where brand_id = :brand and id = :member
                        """)
                .param("name", profile.name())
                .param("gender", profile.gender() == null ? null : profile.gender().name())
                .param("birthday", profile.birthday())
                .param("city", profile.city())
                .param("province", profile.province())
                .param("registeredAt", profile.registeredAt())
                .param("attributes", json.writeValueAsString(
                        profile.attributes() == null ? Map.of() : profile.attributes()))
                .param("now", Timestamp.from(clock.instant()))
                .param("brand", brandId)
                .param("member", member)
                .update();
    }
}
