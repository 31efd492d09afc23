package org.privatedomain.cdp.metrics.kpi;

import java.time.Instant;

/**
 * The classic KPIs of one period. Repurchase: persons with qualifying purchases on 2+ local days of those with
 * 1+ (overall; and for members, purchases as a member). Member GMV share: net GMV of qualifying orders paid as a
 * member of all. New members: persons whose first membership began in the period. Active member rate: members
 * with a purchase as a member of all persons who were members during the period.
 */
public record KpiEntry(String period, Instant start, Instant end, Ratio repurchase, Ratio memberRepurchase,
        Ratio memberGmvShare, long newMembers, Ratio activeMembers) {
}
