package org.privatedomain.cdp.core.member;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Clock;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves the records of one bulk batch to members with a handful of set-based statements, giving the same
 * persons as {@link IdentityResolver} would record by record. Records are grouped into persons: two records
 * are one person when they name one strong identity or identities held by one member, or when both name only
 * weak identities and share one nobody holds (the visits of one anonymous device); such a device's records join
 * the one group with strong identities that names it too (the visitor logged in). A group takes the fast
 * way when that is plainly right:
 * <ul>
 * <li>it reaches exactly one live member, through strong identities (or, for records naming only weak
 * identities, through weak ones): every record is that member, and identities nobody holds attach to it;</li>
 * <li>it reaches no member: one new member holds all its identities.</li>
 * </ul>
 * Everything else (merges, a weak identity held by a known person, an unheld weak identity named by two groups)
 * goes record by record through {@link IdentityResolver}, as does a fast group that a concurrent writer got to
 * first: its member merged or erased meanwhile, or one of its new identities attached elsewhere. Members a fast
 * group resolves to are locked {@code FOR KEY SHARE}, so a merge or erasure waits for this transaction.
 */
@Component
class BatchResolver {

    private final IdentityResolver resolver;
    private final JdbcClient jdbc;
    private final Clock clock;

    BatchResolver(IdentityResolver resolver, JdbcClient jdbc, Clock clock) {
        this.resolver = resolver;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The member of each record, in record order; {@code causes} name the records for the merge log. */
    long[] resolve(long brandId, List<List<StoredIdentity>> records, Set<IdentityType> weakTypes,
            List<String> causes) {
        if (records.isEmpty()) {
            return new long[0];
        }
        Map<String, StoredIdentity> distinct = new LinkedHashMap<>();
        records.forEach(record -> record.forEach(identity -> distinct.putIfAbsent(identity.key(), identity)));
        Map<String, Long> holders = resolver.findHolders(brandId, distinct.values());
        Grouping grouping = new Grouping(records, holders, weakTypes);

        long[] members = new long[records.size()];
        List<Integer> slow = new ArrayList<>();
        Map<Integer, Long> heldGroups = new HashMap<>();
        List<Integer> newGroups = new ArrayList<>();
        grouping.groups().forEach((group, recordsOfGroup) -> {
            Long member = grouping.fastMember(group);
            if (member == null && !grouping.isNewPerson(group)) {
                slow.addAll(recordsOfGroup);
            } else if (member != null) {
                heldGroups.put(group, member);
            } else {
                newGroups.add(group);
            }
        });
        resolveOneByOne(brandId, records, weakTypes, causes, slow, members);

        Set<Long> live = lockLive(brandId, new HashSet<>(heldGroups.values()));
        List<Integer> late = new ArrayList<>();
        Map<Integer, Long> memberOfGroup = new HashMap<>();
        heldGroups.forEach((group, member) -> {
            if (live.contains(member)) {
                memberOfGroup.put(group, member);
            } else {
                late.addAll(grouping.groups().get(group));
            }
        });
        long[] created = createMembers(brandId, newGroups.size());
        for (int i = 0; i < created.length; i++) {
            memberOfGroup.put(newGroups.get(i), created[i]);
        }
        Set<Integer> lost = attachUnheld(brandId, records, holders, grouping, memberOfGroup);
        for (int group : lost) {
            late.addAll(grouping.groups().get(group));
        }
        forgetEmpty(brandId, newGroups, lost, memberOfGroup);
        memberOfGroup.keySet().removeAll(lost);
        memberOfGroup.forEach((group, member) -> grouping.groups().get(group).forEach(r -> members[r] = member));
        resolveOneByOne(brandId, records, weakTypes, causes, late, members);
        if (!slow.isEmpty() || !late.isEmpty()) {
            followMerges(brandId, members);
        }
        return members;
    }

    /**
     * A record resolved one by one may have merged the member of an earlier record away: point that record at
     * the survivor, as the merge would have moved its rows had they been written record by record.
     */
    private void followMerges(long brandId, long[] members) {
        Map<Long, Long> survivors = new HashMap<>();
        jdbc.sql("""
                        select wanted.id, m.merged_into
                          from unnest(:ids::bigint[]) as wanted(id)
                          -- lateral, limit 1: one index lookup per key, whatever the statistics say
                          cross join lateral (select m.merged_into from core.member m
                                               where m.brand_id = :brand and m.id = wanted.id
                                                 and m.merged_into is not null limit 1) m
                        """)
                .param("brand", brandId)
                .param("ids", Arrays.stream(members).distinct().boxed().toArray(Long[]::new))
                .query((rs, row) -> survivors.put(rs.getLong(1), rs.getLong(2)))
                .list();
        for (int r = 0; r < members.length; r++) {
            members[r] = survivors.getOrDefault(members[r], members[r]);
        }
    }

    private void resolveOneByOne(long brandId, List<List<StoredIdentity>> records, Set<IdentityType> weakTypes,
            List<String> causes, List<Integer> which, long[] members) {
        which.stream().sorted().forEach(r -> members[r] = resolver.resolve(brandId, records.get(r), weakTypes,
                causes.get(r)));
    }

    private Set<Long> lockLive(long brandId, Set<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select m.id
                          from unnest(:ids::bigint[]) as wanted(id)
                          -- lateral, limit 1: one index lookup per key, whatever the statistics say
                          cross join lateral (select m.id from core.member m
                                               where m.brand_id = :brand and m.id = wanted.id
                                                 and m.merged_into is null and m.erased_at is null
                                               limit 1 for key share) m
                        """)
                .param("brand", brandId)
                .param("ids", ids.stream().sorted().toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    private long[] createMembers(long brandId, int count) {
        if (count == 0) {
            return new long[0];
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        insert into core.member (brand_id, created_at, updated_at)
                        select :brand, :now, :now from generate_series(1, :count)
                        returning id
                        """)
                .param("brand", brandId).param("now", now).param("count", count)
                .query(Long.class)
                .list().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * Attaches the identities nobody held to their group's member, in one statement. Returns the groups of which
     * an identity was attached elsewhere meanwhile (a concurrent writer committed it first).
     */
    private Set<Integer> attachUnheld(long brandId, List<List<StoredIdentity>> records, Map<String, Long> holders,
            Grouping grouping, Map<Integer, Long> memberOfGroup) {
        Map<String, Integer> groupOfKey = new LinkedHashMap<>();
        Map<String, StoredIdentity> identities = new HashMap<>();
        memberOfGroup.keySet().forEach(group -> grouping.groups().get(group).forEach(r -> records.get(r).stream()
                .filter(identity -> !holders.containsKey(identity.key()))
                .forEach(identity -> {
                    groupOfKey.putIfAbsent(identity.key(), group);
                    identities.putIfAbsent(identity.key(), identity);
                })));
        if (groupOfKey.isEmpty()) {
            return Set.of();
        }
        int n = groupOfKey.size();
        String[] types = new String[n];
        String[] keys = new String[n];
        byte[][] encrypted = new byte[n][];
        Long[] owners = new Long[n];
        int i = 0;
        for (Map.Entry<String, Integer> entry : groupOfKey.entrySet()) {
            StoredIdentity identity = identities.get(entry.getKey());
            types[i] = identity.type().name();
            keys[i] = identity.lookupKey();
            encrypted[i] = identity.encryptedValue();
            owners[i++] = memberOfGroup.get(entry.getValue());
        }
        Set<String> attached = new HashSet<>(jdbc.sql("""
                        insert into core.identity (brand_id, type, lookup_key, encrypted_value, member_id, created_at)
                        select :brand, t.type, t.lookup_key, t.encrypted_value, t.member_id, :now
                          from unnest(:types::varchar[], :keys::varchar[], :encrypted::bytea[], :owners::bigint[])
                               as t(type, lookup_key, encrypted_value, member_id)
                        on conflict do nothing
                        returning type || ':' || lookup_key
                        """)
                .param("brand", brandId)
                .param("types", types)
                .param("keys", keys)
                .param("encrypted", encrypted)
                .param("owners", owners)
                .param("now", Timestamp.from(clock.instant()))
                .query(String.class)
                .list());
        Set<Integer> lost = new HashSet<>();
        groupOfKey.forEach((key, group) -> {
            if (!attached.contains(key)) {
                lost.add(group);
            }
        });
        return lost;
    }

    /** A new member of a group that lost every identity to a concurrent writer holds nothing: it goes again. */
    private void forgetEmpty(long brandId, List<Integer> newGroups, Set<Integer> lost,
            Map<Integer, Long> memberOfGroup) {
        Long[] empty = newGroups.stream().filter(lost::contains).map(memberOfGroup::get).toArray(Long[]::new);
        if (empty.length > 0) {
            jdbc.sql("""
                            delete from core.member m
                             where m.brand_id = :brand and m.id in (select unnest(:ids::bigint[]))
                               and not exists (select 1 from core.identity i
                                                where i.brand_id = m.brand_id and i.member_id = m.id)
                            """)
                    .param("brand", brandId).param("ids", empty).update();
        }
    }

    /** The link between records naming only weak identities that share an unheld one (an anonymous visitor). */
    private record WeakOnly(String key) {
    }

    /** Records joined into would-be persons (union-find), with what each group reaches. */
    private static final class Grouping {

        private final int[] parent;
        private final List<List<StoredIdentity>> records;
        private final Map<String, Long> holders;
        private final Set<IdentityType> weakTypes;
        private final Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        private final Map<Integer, Set<Long>> strongHolders = new HashMap<>();
        private final Map<Integer, Set<Long>> weakHolders = new HashMap<>();
        private final Set<Integer> namesStrong = new HashSet<>();
        private final Set<Integer> sharesUnheldWeak = new HashSet<>();

        Grouping(List<List<StoredIdentity>> records, Map<String, Long> holders, Set<IdentityType> weakTypes) {
            this.records = records;
            this.holders = holders;
            this.weakTypes = weakTypes;
            parent = new int[records.size()];
            Arrays.setAll(parent, i -> i);
            Map<Object, Integer> firstByLink = new HashMap<>();
            for (int r = 0; r < records.size(); r++) {
                boolean weakOnly = weakOnly(records.get(r));
                for (StoredIdentity identity : records.get(r)) {
                    Long holder = holders.get(identity.key());
                    Object link = holder != null ? holder
                            : !weakTypes.contains(identity.type()) ? identity.key()
                            : weakOnly ? new WeakOnly(identity.key()) : null;
                    if (link != null) {
                        Integer first = firstByLink.putIfAbsent(link, r);
                        if (first != null) {
                            union(first, r);
                        }
                    }
                }
            }
            joinAnonymousVisitors();
            Map<String, Integer> groupOfUnheldWeak = new HashMap<>();
            for (int r = 0; r < records.size(); r++) {
                int group = find(r);
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(r);
                for (StoredIdentity identity : records.get(r)) {
                    boolean weak = weakTypes.contains(identity.type());
                    Long holder = holders.get(identity.key());
                    if (!weak) {
                        namesStrong.add(group);
                    }
                    if (holder != null) {
                        (weak ? weakHolders : strongHolders).computeIfAbsent(group, g -> new HashSet<>()).add(holder);
                    } else if (weak) {
                        Integer other = groupOfUnheldWeak.putIfAbsent(identity.key(), group);
                        if (other != null && other != group) {
                            sharesUnheldWeak.add(group);
                            sharesUnheldWeak.add(other);
                        }
                    }
                }
            }
        }

        /**
         * Joins each group of records that name only weak identities (the visits of an anonymous device) to the
         * one group with strong identities that names one of its unheld weak identities (the visit where the
         * visitor logged in): recorded one by one, the anonymous person would join that person. Where two such
         * groups name them (a shared device), nothing joins and the groups go record by record.
         */
        private void joinAnonymousVisitors() {
            Set<Integer> withStrong = new HashSet<>();
            Map<String, Set<Integer>> strongGroupsNaming = new HashMap<>();
            Map<Integer, Set<String>> unheldWeakOfGroup = new HashMap<>();
            for (int r = 0; r < records.size(); r++) {
                int group = find(r);
                boolean weakOnly = weakOnly(records.get(r));
                if (!weakOnly) {
                    withStrong.add(group);
                }
                for (StoredIdentity identity : records.get(r)) {
                    if (weakTypes.contains(identity.type()) && !holders.containsKey(identity.key())) {
                        if (weakOnly) {
                            unheldWeakOfGroup.computeIfAbsent(group, g -> new HashSet<>()).add(identity.key());
                        } else {
                            strongGroupsNaming.computeIfAbsent(identity.key(), k -> new HashSet<>()).add(group);
                        }
                    }
                }
            }
            unheldWeakOfGroup.keySet().removeAll(withStrong);
            unheldWeakOfGroup.forEach((group, keys) -> {
                Set<Integer> strongGroups = new HashSet<>();
                keys.forEach(key -> strongGroups.addAll(strongGroupsNaming.getOrDefault(key, Set.of())));
                if (strongGroups.size() == 1) {
                    union(group, strongGroups.iterator().next());
                }
            });
        }

        private boolean weakOnly(List<StoredIdentity> record) {
            return record.stream().allMatch(identity -> weakTypes.contains(identity.type()));
        }

        Map<Integer, List<Integer>> groups() {
            return groups;
        }

        /** The one existing member the whole group plainly is, or null. */
        Long fastMember(int group) {
            if (sharesUnheldWeak.contains(group)) {
                return null;
            }
            Set<Long> strong = strongHolders.getOrDefault(group, Set.of());
            Set<Long> weak = weakHolders.getOrDefault(group, Set.of());
            if (strong.size() == 1 && (weak.isEmpty() || weak.equals(strong))) {
                return strong.iterator().next();
            }
            return strong.isEmpty() && weak.size() == 1 && !namesStrong.contains(group) ? weak.iterator().next()
                    : null;
        }

        /** Whether the group reaches nobody: a new person holding all its identities. */
        boolean isNewPerson(int group) {
            return !sharesUnheldWeak.contains(group) && !strongHolders.containsKey(group)
                    && !weakHolders.containsKey(group);
        }

        private int find(int r) {
            while (parent[r] != r) {
                parent[r] = parent[parent[r]];
                r = parent[r];
            }
            return r;
        }

        private void union(int a, int b) {
            int rootA = find(a);
            int rootB = find(b);
            if (rootA != rootB) {
                parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
            }
        }
    }
}
