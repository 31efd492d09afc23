package org.privatedomain.cdp.campaign.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. A round claims due messages ({@code for update skip locked}, so rounds in several processes
 * never claim the same row) by leasing them to itself, checks consent and the frequency cap once more in the same
 * transaction, then sends each claimed message and records its outcome in one statement right after the adapter
 * answers. A message whose dispatcher died keeps its lease until it expires and is then claimed again.
 * <p>
 * The guarantee is at least once, and exactly once unless a send's outcome is unknown: a message is sent again
 * only when its last attempt did not record an answer (the process died between the adapter's call and the
 * update, or the channel's answer was lost: a timeout, a dropped connection). Every message carries an
 * idempotency key that stays the same across attempts, so the receiver can drop such a repeat.
 */
@Service
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** What one or more rounds did. */
    public record Round(int claimed, int sent, int retried, int failed, int skipped) {

        Round plus(Round other) {
            return new Round(claimed + other.claimed, sent + other.sent, retried + other.retried,
                    failed + other.failed, skipped + other.skipped);
        }
    }

    /** One claim: the lease token and the messages to send under it. */
    record Claim(UUID token, int claimed, List<OutgoingMessage> messages) {
    }

    // Serialises claims, so that the frequency cap counts what other rounds are sending.
    private static final long CLAIM_LOCK = 7_215_000_001L;
    private static final int MAX_ROUNDS = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final DeliveryProperties properties;
    private final Clock clock;

    Dispatcher(JdbcClient jdbc, PlatformTransactionManager transactions, List<ChannelAdapter> adapters,
            DeliveryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        for (ChannelAdapter adapter : adapters) {
            adapter.channels().forEach(channel -> this.adapters.put(channel, adapter));
        }
        this.properties = properties;
        this.clock = clock;
    }

    /** Rounds until nothing is due; then completes one-off campaigns with nothing left to send. */
    public Round dispatch() {
        Round total = new Round(0, 0, 0, 0, 0);
        for (int i = 0; i < MAX_ROUNDS; i++) {
            Round round = send(claim());
            total = total.plus(round);
            if (round.claimed() < properties.batchSize()) {
                break;
            }
        }
        completeFinishedCampaigns();
        return total;
    }

    /** Claims up to a batch of due messages, and skips those whose person may no longer get them. */
    Claim claim() {
        UUID token = UUID.randomUUID();
        OffsetDateTime now = now();
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CLAIM_LOCK).query(rs -> { });
            // A message whose sender died after its campaign was cancelled is claimed by nobody (only running
            // campaigns' are): once its lease runs out it is skipped as the cancel skipped the others.
            jdbc.sql("""
                            update campaign.message m
                               set state = 'SKIPPED', skip_reason = 'CANCELLED', lease_token = null, lease_until = null
                              from campaign.campaign c
                             where m.state = 'SENDING' and m.lease_until <= :now
                               and c.brand_id = m.brand_id and c.id = m.campaign_id and c.state = 'CANCELLED'
                            """)
                    .param("now", now).update();
            int claimed = jdbc.sql("""
                            with due as (
                                select m.brand_id, m.id from campaign.message m
                                  join campaign.campaign c on c.brand_id = m.brand_id and c.id = m.campaign_id
                                 where c.state = 'RUNNING'
                                   and ((m.state = 'PENDING' and m.due_at <= :now)
                                        or (m.state = 'SENDING' and m.lease_until <= :now))
                                   and not coalesce((
                                       select case when s.quiet_start < s.quiet_end
                                                   then t.local >= s.quiet_start and t.local < s.quiet_end
                                                   else t.local >= s.quiet_start or t.local < s.quiet_end end
                                         from campaign.brand_settings s
                                         join core.brand b on b.id = s.brand_id
                                         cross join lateral (select (cast(:now as timestamptz)
                                                                     at time zone b.timezone)::time as local) t
                                        where s.brand_id = m.brand_id and s.quiet_start is not null), false)
                                 order by m.due_at, m.id
                                 limit :batch
                                   for update of m skip locked)
                            update campaign.message m
                               set state = 'SENDING', attempts = m.attempts + 1, lease_token = :token,
                                   lease_until = cast(:now as timestamptz) + make_interval(secs => :lease)
                              from due where m.brand_id = due.brand_id and m.id = due.id
                            """)
                    .param("now", now).param("batch", properties.batchSize()).param("token", token)
                    .param("lease", (double) properties.lease().toMillis() / 1000)
                    .update();
            // The last check: consent may have been revoked since enrolment, and other campaigns may have used
            // up the person's frequency cap (counting the earlier messages of this claim too).
            jdbc.sql("""
                            with claimed as (
                                select m.brand_id, m.id, m.member_id, m.channel,
                                       row_number() over (partition by m.brand_id, m.member_id
                                                          order by m.due_at, m.id) as nth
                                  from campaign.message m where m.lease_token = :token and m.state = 'SENDING'),
                            verdict as (
                                select c.brand_id, c.id,
                                       case when not %s then 'NO_CONSENT'
                                            when s.frequency_cap is not null
                                             and (select count(*) from campaign.message o
                                                   where o.brand_id = c.brand_id and o.member_id = c.member_id
                                                     and ((o.state = 'SENT' and o.sent_at > cast(:now as timestamptz)
                                                               - make_interval(hours => s.frequency_window_hours))
                                                          or (o.state = 'SENDING' and o.lease_token <> :token
                                                              and o.lease_until > :now)))
                                                 + c.nth > s.frequency_cap then 'CAPPED' end as reason
                                  from claimed c left join campaign.brand_settings s on s.brand_id = c.brand_id)
                            update campaign.message m
                               set state = 'SKIPPED', skip_reason = v.reason, lease_token = null, lease_until = null
                              from verdict v
                             where m.brand_id = v.brand_id and m.id = v.id and v.reason is not null
                            """.formatted(Reachability.consentedOnChannel("c.brand_id", "c.member_id", "c.channel",
                            "cast(:now as timestamptz)")))
                    .param("now", now).param("token", token)
                    .update();
            List<OutgoingMessage> messages = jdbc.sql("""
                            select brand_id, id, campaign_id, member_id, idempotency_key, channel, content, coupon,
                                   attempts
                              from campaign.message where lease_token = :token and state = 'SENDING'
                             order by due_at, id
                            """)
                    .param("token", token)
                    .query((rs, row) -> new OutgoingMessage(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getString(5), Channel.valueOf(rs.getString(6)), rs.getString(7),
                            rs.getString(8), rs.getInt(9)))
                    .list();
            return new Claim(token, claimed, messages);
        });
    }

    /**
     * One message through its channel's adapter. An adapter that throws (a setting it cannot use, a bug) fails
     * that message, rather than the round: the messages claimed after it would otherwise stay claimed, and be
     * claimed again each time their lease ran out.
     */
    private Outcome sendOne(OutgoingMessage message) {
        try {
            return adapters.get(message.channel()).send(message);
        } catch (RuntimeException broken) {
            log.warn("The {} adapter failed on message {}", message.channel(), message.id(), broken);
            return new Outcome.Refused("the channel's adapter failed: " + broken.getMessage());
        }
    }

    /** Sends each claimed message and records its outcome at once, under the claim's lease. */
    Round send(Claim claim) {
        int sent = 0;
        int retried = 0;
        int failed = 0;
        for (OutgoingMessage message : claim.messages()) {
            Outcome outcome = sendOne(message);
            switch (outcome) {
                case Outcome.Sent ok -> {
                    finish(claim, message, "SENT", null);
                    sent++;
                }
                case Outcome.Retry retry when message.attempt() < properties.maxAttempts() -> {
                    retryLater(claim, message, retry.error());
                    retried++;
                }
                case Outcome.Retry retry -> {
                    finish(claim, message, "FAILED", retry.error());
                    failed++;
                }
                case Outcome.Refused refused -> {
                    finish(claim, message, "FAILED", refused.error());
                    failed++;
                }
            }
        }
        return new Round(claim.claimed(), sent, retried, failed, claim.claimed() - claim.messages().size());
    }

    /** SENT or FAILED, only while the message is still leased to this claim. */
    private void finish(Claim claim, OutgoingMessage message, String state, String error) {
        jdbc.sql("""
                        update campaign.message
                           set state = :state, sent_at = case when :state = 'SENT' then cast(:now as timestamptz) end,
                               last_error = :error, lease_token = null, lease_until = null
                         where brand_id = :brand and id = :id and lease_token = :token and state = 'SENDING'
                        """)
                .param("state", state).param("now", now()).param("error", truncated(error))
                .param("brand", message.brandId()).param("id", message.id()).param("token", claim.token())
                .update();
    }

    /** Back to PENDING after the backoff, doubled with every attempt made. */
    private void retryLater(Claim claim, OutgoingMessage message, String error) {
        Duration wait = properties.backoff().multipliedBy(1L << Math.min(message.attempt() - 1, 20));
        jdbc.sql("""
                        update campaign.message
                           set state = 'PENDING', due_at = :due, last_error = :error, lease_token = null,
                               lease_until = null
                         where brand_id = :brand and id = :id and lease_token = :token and state = 'SENDING'
                        """)
                .param("due", now().plus(wait)).param("error", truncated(error))
                .param("brand", message.brandId()).param("id", message.id()).param("token", claim.token())
                .update();
    }

    private static String truncated(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    /** A running one-off campaign whose messages are all sent, failed or skipped is complete. */
    private void completeFinishedCampaigns() {
        jdbc.sql("""
                        update campaign.campaign c
                           set state = 'COMPLETED', finished_at = :now, updated_at = :now, version = c.version + 1
                         where c.state = 'RUNNING' and c.trigger_type is null
                           and not exists (select 1 from campaign.message m
                                            where m.brand_id = c.brand_id and m.campaign_id = c.id
                                              and m.state in ('PENDING', 'SENDING'))
                        """)
                .param("now", now()).update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
