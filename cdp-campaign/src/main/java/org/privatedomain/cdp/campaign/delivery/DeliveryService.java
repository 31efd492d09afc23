package org.privatedomain.cdp.campaign.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** The messages of a campaign as they stand, and the receipts channels send back. */
@Service
@Validated
@Transactional(readOnly = true)
public class DeliveryService {

    public static final int MAX_PAGE = 1000;

    private final BrandService brands;
    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryService(BrandService brands, JdbcClient jdbc, Clock clock) {
        this.brands = brands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records receipts once per message and status: a receipt sent again counts as a duplicate and changes
     * nothing, so a channel may resend a batch whose answer it lost.
     */
    @Transactional
    public ReceiptResult record(String brandCode, @NotEmpty @Size(max = 1000) List<@NotNull @Valid NewReceipt> receipts) {
        long brandId = brands.idOf(brandCode);
        String[] keys = receipts.stream().map(NewReceipt::idempotencyKey).toArray(String[]::new);
        String[] statuses = receipts.stream().map(r -> r.status().name()).toArray(String[]::new);
        String[] times = receipts.stream()
                .map(r -> r.occurredAt() == null ? null : r.occurredAt().toString()).toArray(String[]::new);
        int[] counts = jdbc.sql("""
                        with input as (
                            select distinct on (i.key, i.status) i.key, i.status, cast(i.at as timestamptz) as at
                              from unnest(cast(:keys as text[]), cast(:statuses as text[]), cast(:times as text[]))
                                   as i(key, status, at)),
                        matched as (
                            select m.id, i.status, coalesce(i.at, cast(:now as timestamptz)) as at
                              from input i
                              cross join lateral (select id from campaign.message
                                                   where brand_id = :brand and idempotency_key = i.key limit 1) m),
                        inserted as (
                            insert into campaign.receipt (brand_id, message_id, status, occurred_at, received_at)
                            select :brand, id, status, at, :now from matched
                            on conflict do nothing
                            returning 1)
                        select (select count(*) from inserted), (select count(*) from matched), count(*)
                          from input
                        """)
                .param("keys", keys).param("statuses", statuses).param("times", times)
                .param("brand", brandId).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
        List<String> unknown = jdbc.sql("""
                        select distinct k from unnest(cast(:keys as text[])) as k
                         where (select m.id from campaign.message m
                                 where m.brand_id = :brand and m.idempotency_key = k limit 1) is null
                         order by k
                        """)
                .param("keys", keys).param("brand", brandId).query(String.class).list();
        return new ReceiptResult(counts[0], counts[1] - counts[0] + (receipts.size() - counts[2]), unknown);
    }

    /** A campaign's messages by ascending id after {@code after}. */
    public MessagePage messages(long brandId, long campaignId, long after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("invalid-parameter", "limit must be between 1 and " + MAX_PAGE + ".");
        }
        List<MessageView> page = new ArrayList<>(jdbc.sql("""
                        select m.id, m.member_id, m.occurrence, m.idempotency_key, m.channel, m.state, m.skip_reason,
                               m.coupon, m.attempts, m.due_at, m.sent_at, m.last_error,
                               array(select r.status from campaign.receipt r
                                      where r.brand_id = m.brand_id and r.message_id = m.id order by r.status)
                          from campaign.message m
                         where m.brand_id = :brand and m.campaign_id = :campaign and m.id > :after
                         order by m.id limit :limit
                        """)
                .param("brand", brandId).param("campaign", campaignId).param("after", after).param("limit", limit + 1)
                .query((rs, row) -> new MessageView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Channel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getInt(9), rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getString(12),
                        statuses(rs.getArray(13))))
                .list());
        Long next = null;
        if (page.size() > limit) {
            page.removeLast();
            next = page.getLast().id();
        }
        return new MessagePage(page, next);
    }

    private static List<ReceiptStatus> statuses(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(ReceiptStatus::valueOf).toList();
    }
}
