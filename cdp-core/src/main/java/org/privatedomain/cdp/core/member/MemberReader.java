package org.privatedomain.cdp.core.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.privatedomain.cdp.core.identity.IdentityType;
import org.privatedomain.cdp.core.privacy.Masking;
import org.privatedomain.cdp.core.privacy.PiiCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Builds member views, for one member or a page of them, in three queries whatever the count. */
@Component
class MemberReader {

    private static final TypeReference<LinkedHashMap<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final PiiCipher cipher;
    private final JsonMapper json;

    MemberReader(JdbcClient jdbc, PiiCipher cipher, JsonMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    /**
     * Views of the live members among {@code ids}, in the order given. Masked views show phone, e-mail and name
     * masked and no birthday.
     */
    List<MemberView> read(long brandId, List<Long> ids, Disclosure disclosure) {
        boolean masked = disclosure == Disclosure.MASKED;
        Long[] wanted = ids.toArray(Long[]::new);
        Map<Long, List<IdentityView>> identities = new HashMap<>();
        jdbc.sql("""
                        select member_id, type, lookup_key, encrypted_value, created_at
                          from core.identity join unnest(:ids::bigint[]) as wanted(id) on wanted.id = member_id
                         where brand_id = :brand
                         order by member_id, created_at, type, lookup_key
                        """)
                .param("brand", brandId).param("ids", wanted)
                .query((rs, row) -> identities.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(identity(brandId, rs, disclosure)))
                .list();
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("""
                        select member_id, tag
                          from core.member_tag join unnest(:ids::bigint[]) as wanted(id) on wanted.id = member_id
                         where brand_id = :brand
                         order by member_id, tag
                        """)
                .param("brand", brandId).param("ids", wanted)
                .query((rs, row) -> tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Map<Long, MemberView> members = new HashMap<>();
        jdbc.sql("""
                        select m.id, m.name, m.gender, m.birthday, m.city, m.province, m.registered_at,
                               m.attributes::text, m.created_at, m.updated_at
                          from core.member m join unnest(:ids::bigint[]) as wanted(id) on wanted.id = m.id
                         where m.brand_id = :brand and m.merged_into is null
                        """)
                .param("brand", brandId).param("ids", wanted)
                .query((rs, row) -> new MemberView(rs.getLong(1),
                        identities.getOrDefault(rs.getLong(1), List.of()),
                        masked ? maskName(rs.getString(2)) : rs.getString(2),
                        rs.getString(3) == null ? null : Gender.valueOf(rs.getString(3)),
                        masked ? null : rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class),
                        json.readValue(rs.getString(8), ATTRIBUTES),
                        tags.getOrDefault(rs.getLong(1), List.of()),
                        instant(rs, 9),
                        instant(rs, 10)))
                .list()
                .forEach(member -> members.put(member.id(), member));
        return ids.stream().filter(members::containsKey).map(members::get).toList();
    }

    private IdentityView identity(long brandId, ResultSet rs, Disclosure disclosure) throws SQLException {
        IdentityType type = IdentityType.valueOf(rs.getString(2));
        String value = type.personal() ? cipher.decrypt(brandId, type.name(), rs.getBytes(4)) : rs.getString(3);
        if (disclosure == Disclosure.MASKED && type == IdentityType.PHONE) {
            value = Masking.phone(value);
        } else if (disclosure == Disclosure.MASKED && type == IdentityType.EMAIL) {
            value = Masking.email(value);
        }
        return new IdentityView(type, value, instant(rs, 5));
    }

    private static String maskName(String name) {
        return name == null ? null : Masking.name(name);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
