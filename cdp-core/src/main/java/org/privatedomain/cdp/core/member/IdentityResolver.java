package org.privatedomain.cdp.core.member;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the one member a record's identities belong to, creating or merging members as needed. Runs inside
 * the caller's transaction.
 * <p>
 * Rules (a member is <em>known</em> when it holds at least one identity of a strong, that is not weak, type):
 * <ol>
 * <li>Members reached through the record's strong identities are one person: all of them merge.</li>
 * <li>Members holding only weak identities that the record names join that person too (an anonymous visitor
 * who logs in).</li>
 * <li>A known member reached only through a weak identity is never merged (a shared device is not one person);
 * with no strong match the record goes to the oldest such member if it names no strong identity itself.</li>
 * <li>The survivor of a merge is the oldest member (earliest {@code created_at}, then lowest id): its id is the
 * one most likely already used elsewhere.</li>
 * <li>Identities the record names that nobody holds yet attach to the resulting member.</li>
 * </ol>
 * Concurrency: transaction-scoped advisory locks on each identity (taken in one global order) serialise
 * records that share an identity; member rows are then locked {@code FOR UPDATE}, and a member found merged
 * meanwhile is followed to its survivor, so no two members end up holding one person and no merge is lost.
 */
@Component
class IdentityResolver {

    /**
     * The holders of identities, by type and key. Lateral with limit 1: one primary-key lookup per key, whatever the
     * statistics say (the key leads the primary key, and no other index of core.identity leads with brand_id).
     */
    static final String HOLDERS = """
            select wanted.type, wanted.lookup_key, i.member_id
              from unnest(:types::varchar[], :keys::varchar[]) as wanted(type, lookup_key)
              cross join lateral (select i.member_id from core.identity i
                                   where i.brand_id = :brand and i.type = wanted.type
                                     and i.lookup_key = wanted.lookup_key limit 1) i
            """;

    private final JdbcClient jdbc;
    private final MemberMerger merger;
    private final Clock clock;

    IdentityResolver(JdbcClient jdbc, MemberMerger merger, Clock clock) {
        this.jdbc = jdbc;
        this.merger = merger;
        this.clock = clock;
    }

    /** The member the identities belong to; {@code cause} names the record, for the merge log. */
    long resolve(long brandId, List<StoredIdentity> identities, Set<IdentityType> weakTypes, String cause) {
        Map<String, StoredIdentity> byKey = new LinkedHashMap<>();
        identities.forEach(identity -> byKey.putIfAbsent(identity.key(), identity));
        new TreeSet<>(byKey.keySet()).forEach(key -> jdbc
                .sql("select pg_advisory_xact_lock(hashtextextended(:key, :brand))")
                .param("key", key).param("brand", brandId).query().singleRow());

        Map<String, Long> holders;
        Map<Long, Candidate> locked;
        do { // merged or erased by a concurrent write while we waited for its lock: read the holders again
            holders = findHolders(brandId, byKey.values());
            locked = lockMembers(brandId, Set.copyOf(holders.values()), weakTypes);
        } while (locked.values().stream().anyMatch(member -> member.mergedInto() != null || member.erased()));
        Map<Long, Candidate> members = locked;

        Set<Long> strong = new LinkedHashSet<>();
        Set<Long> anonymous = new LinkedHashSet<>();
        Set<Long> knownViaWeak = new LinkedHashSet<>();
        for (StoredIdentity identity : byKey.values()) {
            Long holder = holders.get(identity.key());
            if (holder == null) {
                continue;
            }
            if (!weakTypes.contains(identity.type())) {
                strong.add(holder);
            } else if (members.get(holder).known()) {
                knownViaWeak.add(holder);
            } else {
                anonymous.add(holder);
            }
        }
        boolean namesStrongIdentity = byKey.values().stream().anyMatch(id -> !weakTypes.contains(id.type()));

        Comparator<Candidate> oldestFirst = Comparator.comparing(Candidate::createdAt).thenComparing(Candidate::id);
        List<Candidate> mergeSet = new ArrayList<>();
        strong.forEach(id -> mergeSet.add(members.get(id)));
        anonymous.stream().filter(id -> !strong.contains(id)).forEach(id -> mergeSet.add(members.get(id)));
        if (mergeSet.isEmpty() && !knownViaWeak.isEmpty() && !namesStrongIdentity) {
            mergeSet.add(knownViaWeak.stream().map(members::get).min(oldestFirst).orElseThrow());
        }
        mergeSet.sort(oldestFirst);

        long member = mergeSet.isEmpty() ? createMember(brandId) : mergeSet.getFirst().id();
        for (Candidate merged : mergeSet.subList(Math.min(1, mergeSet.size()), mergeSet.size())) {
            merger.merge(brandId, merged.id(), member, cause);
        }
        Set<String> held = holders.keySet();
        attach(brandId, member, byKey.values().stream().filter(id -> !held.contains(id.key())).toList());
        return member;
    }

    /** Who holds each of the identities that someone holds, by {@link StoredIdentity#key()}. */
    Map<String, Long> findHolders(long brandId, Iterable<StoredIdentity> identities) {
        List<String> types = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        identities.forEach(identity -> {
            types.add(identity.type().name());
            keys.add(identity.lookupKey());
        });
        Map<String, Long> holders = new HashMap<>();
        jdbc.sql(HOLDERS)
                .param("types", types.toArray(String[]::new))
                .param("keys", keys.toArray(String[]::new))
                .param("brand", brandId)
                .query((rs, row) -> holders.put(rs.getString(1) + ":" + rs.getString(2), rs.getLong(3)))
                .list();
        return holders;
    }

    private Map<Long, Candidate> lockMembers(long brandId, Set<Long> ids, Set<IdentityType> weakTypes) {
        Map<Long, Candidate> members = new HashMap<>();
        if (ids.isEmpty()) {
            return members;
        }
        jdbc.sql("""
                        select m.id, m.created_at, m.merged_into, m.erased_at is not null as erased,
                               exists (select 1 from core.identity s
                                        where s.brand_id = m.brand_id and s.member_id = m.id
                                          and s.type <> all (:weak::varchar[])) as known
                          from core.member m join unnest(:ids::bigint[]) as wanted(id) on wanted.id = m.id
                         where m.brand_id = :brand
                         order by m.id
                           for update of m
                        """)
                .param("weak", weakTypes.stream().map(Enum::name).toArray(String[]::new))
                .param("brand", brandId)
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, row) -> new Candidate(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        (Long) rs.getObject(3), rs.getBoolean(4), rs.getBoolean(5)))
                .list()
                .forEach(member -> members.put(member.id(), member));
        return members;
    }

    private long createMember(long brandId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        insert into core.member (brand_id, created_at, updated_at)
                        values (:brand, :now, :now)
                        returning id
                        """)
                .param("brand", brandId)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    private void attach(long brandId, long member, List<StoredIdentity> identities) {
        Timestamp now = Timestamp.from(clock.instant());
        for (StoredIdentity identity : identities) {
            jdbc.sql("""
                            insert into core.identity (brand_id, type, lookup_key, encrypted_value, member_id, created_at)
                            values (:brand, :type, :key, :encrypted, :member, :now)
                            """)
                    .param("brand", brandId)
                    .param("type", identity.type().name())
                    .param("key", identity.lookupKey())
                    .param("encrypted", identity.encryptedValue())
                    .param("member", member)
                    .param("now", now)
                    .update();
        }
    }

    /** A member the record reaches, locked. */
    private record Candidate(long id, Instant createdAt, Long mergedInto, boolean erased, boolean known) {
    }
}
